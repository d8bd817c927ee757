using Aurora.Core.Events;

namespace Aurora.Core.Supervision;

/// Each service's last committed state (its newest `service.*` event carrying a snapshot), read backwards from
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
                if (e.Service is { } name && services.Contains(name) && !found.ContainsKey(name) && IsState(e))
                {
                    found[name] = Restored(e);
                }
            }
        }

        return found.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!);
    }

    private static bool IsState(AuroraEvent e) =>
        e.Type.StartsWith("service.", StringComparison.Ordinal) && e.Data.ValueKind == System.Text.Json.JsonValueKind.Object
        && e.Data.TryGetProperty("service", out _);

    /// Null when the newest event says nothing to keep: a service removed, or added by a reload and never started.
    private static RestoredService? Restored(AuroraEvent e)
    {
        if (e.Type is EventTypes.ServiceRemoved or EventTypes.ServiceAdded || SnapshotReader.Read(e.Data.GetProperty("service")) is not { } last)
        {
            return null;
        }

        var attempt = e.Type == EventTypes.ServiceBackoff && e.Data.TryGetProperty("attempt", out var a)
            && a.ValueKind == System.Text.Json.JsonValueKind.Number ? a.GetInt32() : 0;
        return new RestoredService(last, attempt);
    }
}
