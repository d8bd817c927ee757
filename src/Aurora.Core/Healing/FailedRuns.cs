using System.Collections.Concurrent;
using System.Text.Json;

namespace Aurora.Core.Healing;

/// How long a fixed service must stay up before its fix counts as verified: longer than the run that failed.
/// A process that dies at the age its predecessor died has shown nothing (a Java heap too small for the program
/// is exhausted 2–3 s after every start; a minimum of 1 s verified a restart three times before the restart
/// limit quarantined it). The healer learns each service's last failed run from its `service.exited` events.
internal sealed class FailedRuns
{
    private readonly ConcurrentDictionary<string, TimeSpan> _lastFailed = new();

    /// A `service.exited`: an exit nobody asked for that was no success is a failed run; its uptime is kept.
    public void Exited(string service, JsonElement data)
    {
        bool Flag(string name) => data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        if (!Flag("requested") && !Flag("success") && data.TryGetProperty("uptime_ms", out var up) && up.TryGetInt64(out var ms))
        {
            _lastFailed[service] = TimeSpan.FromMilliseconds(Math.Max(0, ms));
        }
    }

    /// How long the service must stay up once it is up: twice its last failed run (it varies from run to run),
    /// at least ServiceWaiter.Settle, at most `cap` (the healing.verify_timeout).
    public TimeSpan StayUp(string service, TimeSpan cap) => Window(_lastFailed.GetValueOrDefault(service), cap);

    public static TimeSpan Window(TimeSpan failedRun, TimeSpan cap)
    {
        var upper = cap > ServiceWaiter.Settle ? cap : ServiceWaiter.Settle;
        var wanted = failedRun * 2;
        return wanted < ServiceWaiter.Settle ? ServiceWaiter.Settle : wanted > upper ? upper : wanted;
    }
}
