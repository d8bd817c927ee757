using System.Text.Json.Serialization;

namespace Aurora.Contracts.V1;

/// One row of `aurora status` (SPEC §4). More fields may be added; none renamed.
public sealed record ServiceDto(
    string Name,
    string State,
    int? Pid,
    long? UptimeMs,
    int Restarts,
    string Health,
    double? CpuPercent,
    long? MemoryBytes,
    string? LastCause,
    /// <summary>Why the service is pending or degraded, e.g. "waiting for db: healthy".</summary>
    string? Reason,
    string? HealthDetail,
    ExitDto? LastExit,
    DateTimeOffset? NextRestartAt,
    /// <summary>Increases with every change of the service; the same number as in the event's data.service.</summary>
    long Version = 0,
    DateTimeOffset? StartedAt = null,
    /// <summary>For an instance NAME-i of a replicated service: NAME.</summary>
    string? ReplicaOf = null,
    /// <summary>The process said it is ready (`ready:`).</summary>
    bool Ready = false,
    /// <summary>The process's own STATUS= text (`ready: { notify: true }`).</summary>
    string? StatusText = null,
    /// <summary>A scheduled service's next run.</summary>
    DateTimeOffset? NextRunAt = null,
    /// <summary>The active prediction that breaches first (memory or open files), or null.</summary>
    PredictionDto? Prediction = null,
    /// <summary>The service's `limits:`, shown beside CpuPercent and MemoryBytes (GET /api/v1/services, status).</summary>
    LimitsDto? Limits = null);

/// <summary>`limits:` of a service: bytes, % of one core, processes; each null when unset.</summary>
public sealed record LimitsDto(long? MemoryBytes, double? CpuPercent, int? Pids);

/// <summary>How the last process of a service ended.</summary>
public sealed record ExitDto(int? Code, string? Signal, bool Success = false);

/// <summary>`GET /api/v1/services` and `aurora status --json`: the services as of event Seq. Follow the event
/// stream from Seq (`/api/v1/events/stream?after=Seq`) and apply each event's `data.service` to stay exact.
/// Store: present only while the daemon cannot store events (a full disk); the rows are then from memory.</summary>
public sealed record ServiceListDto(long Seq, IReadOnlyList<ServiceDto> Services,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StoreHealthDto? Store = null);

/// <summary>`aurora start|stop|restart --json`: the rows the actions answered with.</summary>
public sealed record ServiceRowsDto(IReadOnlyList<ServiceDto> Services);

/// <summary>`GET /api/v1/services/{name}`: the row plus the service's configuration, secrets redacted.</summary>
public sealed record ServiceDetailDto(
    ServiceDto Service,
    IReadOnlyList<string> Command,
    string Cwd,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyList<int> Ports,
    IReadOnlyList<string> DependsOn,
    string RestartPolicy,
    string LogFile);
