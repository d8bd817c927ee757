using Aurora.Core.Events;

namespace Aurora.Core.Supervision;

/// Each service's last committed state (its newest event carrying its snapshot), read backwards from
/// the end of the store in pages, stopping once every service asked for is found: after a crash the services'
/// last events are near the end, and a service that never had one costs a read of the store once.
public static class PreviousStates
{
    private const int Page = 2000;

    public static async Task<IReadOnlyDictionary<string, RestoredService>> ReadAsync(IEventStore store, long lastSeq,
        IReadOnlySet<string> services, CancellationToken ct)
    {
        var found = new Dictionary<string, RestoredService?>();
        for (var upper = lastSeq; upper > 0 && found.Count < services.Count; upper -= Page)
        {
            var after = Math.Max(0, upper - Page);
            var page = await store.ReadAfterAsync(after, Page, ct);
            foreach (var e in page.Where(e => e.Seq <= upper).Reverse())
            {
                if (e.Service is not { } name || !services.Contains(name) || !IsState(e))
                {
                    continue;
                }

                if (!found.TryGetValue(name, out var newest))
                {
                    found[name] = Restored(e);
                }
                else if (newest is { Last.State: ServiceState.Backoff, Attempt: 0 } && e.Type == EventTypes.ServiceBackoff)
                {
                    // A later event (a diagnosis) carried the snapshot; the attempt is in the backoff event before it.
                    found[name] = newest with { Attempt = Attempt(e) };
                }
            }
        }

        return found.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!);
    }

    /// Every event the supervisor publishes carries the service's snapshot (`incident.diagnosed` too, which may set its
    /// last cause), not only the `service.*` ones.
    private static bool IsState(AuroraEvent e) =>
        e.Data.ValueKind == System.Text.Json.JsonValueKind.Object && e.Data.TryGetProperty("service", out var s)
        && s.ValueKind == System.Text.Json.JsonValueKind.Object && s.TryGetProperty("state", out _);

    /// Null when the newest event says nothing to keep: a service removed, or added by a reload and never started.
    private static RestoredService? Restored(AuroraEvent e)
    {
        if (e.Type is EventTypes.ServiceRemoved or EventTypes.ServiceAdded || SnapshotReader.Read(e.Data.GetProperty("service")) is not { } last)
        {
            return null;
        }

        return new RestoredService(last, e.Type == EventTypes.ServiceBackoff ? Attempt(e) : 0);
    }

    private static int Attempt(AuroraEvent e) =>
        e.Data.TryGetProperty("attempt", out var a) && a.ValueKind == System.Text.Json.JsonValueKind.Number ? a.GetInt32() : 0;
}
