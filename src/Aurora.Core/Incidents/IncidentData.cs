using System.Collections.Immutable;
using System.Text.Json;
using Aurora.Core.Events;

namespace Aurora.Core.Incidents;

/// The `data` of incident.* events: {id, cause, evidence, signature, …}. The tracker writes it; a store
/// reads it back to keep its incidents table in step with the event stream (one source of truth).
public static class IncidentData
{
    /// opened_ms: when the failure happened (the trigger), which is a little before incident.opened itself.
    public static JsonElement Opened(IncidentRecord i, AuroraEvent trigger) => Common(i)
        .Add("trigger", trigger.Type).Add("trigger_seq", trigger.Seq).Add("opened_ms", i.Opened.ToUnixTimeMilliseconds()).Build();

    public static JsonElement Updated(IncidentRecord i, string previous) => Common(i).Add("previous_cause", previous).Build();

    public static JsonElement Resolved(IncidentRecord i, DateTimeOffset at) => Common(i)
        .Add("duration_ms", (long)(at - i.Opened).TotalMilliseconds).Build();

    private static EventData Common(IncidentRecord i) => new EventData()
        .Add("id", i.Id).Add("cause", i.Cause).Add("evidence", i.Evidence).Add("signature", i.Signature);

    /// Reads {id, cause, evidence, signature} back; null when the data is not an incident's.
    public static IncidentRecord? Read(AuroraEvent e)
    {
        var d = e.Data;
        if (e.Service is null || d.ValueKind != JsonValueKind.Object
            || !d.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
            || !d.TryGetProperty("cause", out var cause) || cause.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var evidence = d.TryGetProperty("evidence", out var ev) && ev.ValueKind == JsonValueKind.Array
            ? ev.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToImmutableArray()
            : [];
        var signature = d.TryGetProperty("signature", out var sig) && sig.ValueKind == JsonValueKind.String ? sig.GetString()! : "";
        return new IncidentRecord(id.GetString()!, e.Service, cause.GetString()!, e.Time, null, evidence, signature, []);
    }
}
