using System.Text.Json;
using Aurora.Core.Events;

namespace Aurora.Core.Insights;

/// Folds the event stream into process starts: `service.started` opens one (a new pid), `service.healthy` and
/// `service.ready` say when it came up (their `since_start_ms`), a `service.unhealthy` with `action: kill` before
/// it was ever healthy is a start killed as hung, and `service.exited` closes it.
public static class StartHistory
{
    public static IReadOnlyList<StartRecord> From(IEnumerable<AuroraEvent> events)
    {
        var all = new List<StartRecord>();
        var open = new Dictionary<string, int>();
        foreach (var e in events)
        {
            if (e.Service is not { } service)
            {
                continue;
            }

            var pid = Long(e.Data, "pid");
            var current = open.TryGetValue(service, out var index) ? all[index] : null;
            switch (e.Type)
            {
                case EventTypes.ServiceStarted when current is null || (pid is not null && current.Pid != pid):
                    open[service] = all.Count;
                    all.Add(new StartRecord(service, e.Time, pid));
                    break;
                case EventTypes.ServiceHealthy when current is { HealthyAfter: null } && Long(e.Data, "since_start_ms") is { } ms:
                    all[index] = current with { HealthyAfter = TimeSpan.FromMilliseconds(ms) };
                    break;
                case EventTypes.ServiceReady when current is { ReadyAfter: null } && Long(e.Data, "since_start_ms") is { } ms:
                    all[index] = current with { ReadyAfter = TimeSpan.FromMilliseconds(ms) };
                    break;
                case EventTypes.ServiceUnhealthy when current is { HealthyAfter: null, KilledAfter: null } && Text(e.Data, "action") == "kill":
                    all[index] = current with
                    {
                        KilledAfter = e.Time - current.At,
                        KilledNotReady = Text(e.Data, "detail")?.StartsWith("not ready within", StringComparison.Ordinal) == true,
                    };
                    break;
                case EventTypes.ServiceExited when current is not null:
                    all[index] = current with { Ran = Long(e.Data, "uptime_ms") is { } up ? TimeSpan.FromMilliseconds(up) : e.Time - current.At };
                    open.Remove(service);
                    break;
            }
        }

        return all;
    }

    internal static long? Long(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)
            ? n : null;

    internal static string? Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static bool Flag(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
