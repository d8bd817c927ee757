using System.Text.Json;
using Aurora.Core.Events;

namespace Aurora.Core.Incidents;

/// Reads a service event as an incident signal. Opening: an exit nobody asked for (other than a clean
/// exit 0), service.unhealthy, service.failed. Healing: service.healthy, a clean exit 0, or (without a
/// health check) a service.started that stays up. A requested stop — including the daemon's own shutdown —
/// never opens or resolves anything, nor does a state restored by a daemon that adopted.
public static class IncidentRules
{
    public static IncidentSignal Classify(AuroraEvent e)
    {
        // A state restored after a daemon crash (`restored: true`) says nothing new: its incident, if any, is in the store.
        if (e.Service is null || Bool(e.Data, "restored"))
        {
            return IncidentSignal.None;
        }

        return e.Type switch
        {
            EventTypes.ServiceUnhealthy or EventTypes.ServiceFailed => IncidentSignal.Bad,
            EventTypes.ServiceHealthy => IncidentSignal.Good,
            EventTypes.ServiceStarted => IncidentSignal.Up,
            EventTypes.ServiceExited => Exit(e.Data),
            EventTypes.ServiceStopping or EventTypes.ServiceStopped => IncidentSignal.Down,
            _ => IncidentSignal.None,
        };
    }

    private static IncidentSignal Exit(JsonElement data)
    {
        if (Bool(data, "requested"))
        {
            return IncidentSignal.Down;
        }

        // success: an exit code listed in success_exit_codes (events from before that key say only exit_code).
        var success = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("success", out var s)
            ? s.ValueKind == JsonValueKind.True
            : Number(data, "exit_code") == 0;
        var clean = success && !Has(data, "signal") && !Has(data, "error") && !Has(data, "cause");
        return clean ? IncidentSignal.Good : IncidentSignal.Bad;
    }

    /// The cause an event names itself (service.failed carries one), if any.
    public static string? CauseOf(AuroraEvent e) =>
        e.Data.ValueKind == JsonValueKind.Object && e.Data.TryGetProperty("cause", out var c) && c.ValueKind == JsonValueKind.String
            ? c.GetString()
            : null;

    private static bool Bool(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static bool Has(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    private static long? Number(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
        && v.TryGetInt64(out var n) ? n : null;
}
