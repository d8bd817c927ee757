using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aurora.Contracts.V1;

/// <summary>Every API error: `{"error": {"code": "...", "message": "..."}}`.</summary>
public sealed record ErrorDto(ErrorBody Error)
{
    public static ErrorDto Of(string code, string message, IReadOnlyList<string>? details = null) =>
        new(new ErrorBody(code, message, details));
}

/// <summary>The body of an API error; Details lists every problem when there are several (a rejected config).</summary>
public sealed record ErrorBody(string Code, string Message, IReadOnlyList<string>? Details = null);

/// <summary>One event (SPEC §5), identical on the WebSocket, in `--json`, in the store and in webhooks.</summary>
public sealed record EventDto(long Seq, DateTimeOffset Time, string Type, string? Service, JsonElement Data);

/// <summary>`GET /api/v1/events`.</summary>
public sealed record EventListDto(IReadOnlyList<EventDto> Events, long LastSeq);

/// <summary>`GET /api/v1/services/{name}/logs`.</summary>
public sealed record LogsDto(string Service, IReadOnlyList<string> Lines);

/// <summary>`GET /healthz`. Files: the config files the daemon reads (again at each reload), in merge order.
/// Store: present only while the daemon cannot store events (a full disk).</summary>
public sealed record HealthzDto(string Status, int Pid, string Project, string Version, long UptimeMs, IReadOnlyList<string>? Files = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StoreHealthDto? Store = null);

/// <summary>The answer to `POST /api/v1/shutdown`.</summary>
public sealed record ShutdownDto(int Stopped, IReadOnlyList<string> Errors);
