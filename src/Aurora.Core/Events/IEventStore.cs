namespace Aurora.Core.Events;

/// Where events are kept. Append hands an event over; the store commits in batches and reports
/// each committed batch, in seq order, through the callback given to Open. Only committed events
/// are shown to clients, so nothing a client saw can be lost by a crash.
/// Reads are async so that a networked store (PostgreSQL for a fleet, SPEC §8) can answer over the wire;
/// Append never waits (it queues), and Open runs once at boot, before anything is served.
public interface IEventStore : IAsyncDisposable
{
    /// Opens the store and returns the highest seq ever committed (0 when empty).
    long Open(Action<IReadOnlyList<AuroraEvent>> onCommitted);

    void Append(AuroraEvent e);

    /// Committed events with Seq > afterSeq, oldest first, at most limit of them.
    ValueTask<IReadOnlyList<AuroraEvent>> ReadAfterAsync(long afterSeq, int limit, CancellationToken ct);

    /// Waits until everything appended so far is committed.
    Task FlushAsync(CancellationToken ct);
}
