namespace Aurora.Core.Events;

/// Where events are kept. Append hands an event over; the store commits in batches and reports
/// each committed batch, in seq order, through the callback given to Open. Only committed events
/// are shown to clients, so nothing a client saw can be lost by a crash.
public interface IEventStore : IAsyncDisposable
{
    /// Opens the store and returns the highest seq ever committed (0 when empty).
    long Open(Action<IReadOnlyList<AuroraEvent>> onCommitted);

    void Append(AuroraEvent e);

    /// Committed events with Seq > afterSeq, oldest first, at most limit of them.
    IReadOnlyList<AuroraEvent> ReadAfter(long afterSeq, int limit);

    /// Waits until everything appended so far is committed.
    Task FlushAsync(CancellationToken ct);
}
