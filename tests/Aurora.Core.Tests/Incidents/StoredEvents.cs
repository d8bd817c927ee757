using Aurora.Core.Events;

namespace Aurora.Core.Tests;

/// A synchronous read of what a test published, for tests that reach the store through EventLog.Store (an
/// IEventStore, whose reads are async). The Core tests always run on a MemoryEventStore, whose own ReadAfter
/// answers at once; a test that holds its MemoryEventStore can call that directly instead.
internal static class StoredEvents
{
    public static IReadOnlyList<AuroraEvent> ReadAfter(this IEventStore store, long afterSeq, int limit) =>
        store is MemoryEventStore memory
            ? memory.ReadAfter(afterSeq, limit)
            : throw new InvalidOperationException($"the Core tests read a {nameof(MemoryEventStore)}, not a {store.GetType().Name}");
}
