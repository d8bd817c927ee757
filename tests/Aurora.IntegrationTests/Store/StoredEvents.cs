using Aurora.Core.Events;

namespace Aurora.IntegrationTests;

/// A synchronous read of a daemon's stored events, for the tests that inspect them in a plain expression
/// (Runtime.Events.Store.ReadAfter(…)). The SQLite store's ReadAfterAsync completes before it returns (its
/// comment says why), so this never blocks on anything but the file read itself.
internal static class StoredEvents
{
    public static IReadOnlyList<AuroraEvent> ReadAfter(this IEventStore store, long afterSeq, int limit) =>
        store.ReadAfterAsync(afterSeq, limit, CancellationToken.None).AsTask().GetAwaiter().GetResult();
}
