namespace Aurora.Core.Events;

/// Keeps the newest events in memory and commits at once. For tests and for runs without a state file.
public sealed class MemoryEventStore(int capacity = 10_000) : IEventStore
{
    private readonly object _gate = new();
    private readonly Queue<AuroraEvent> _events = new();
    private Action<IReadOnlyList<AuroraEvent>>? _onCommitted;

    public long Open(Action<IReadOnlyList<AuroraEvent>> onCommitted)
    {
        _onCommitted = onCommitted;
        lock (_gate)
        {
            return _events.Count == 0 ? 0 : _events.Last().Seq;
        }
    }

    public void Append(AuroraEvent e)
    {
        lock (_gate)
        {
            _events.Enqueue(e);
            while (_events.Count > capacity)
            {
                _events.Dequeue();
            }
        }

        _onCommitted?.Invoke([e]);
    }

    /// The same read, synchronous: everything is in memory (tests read what was published with it).
    public IReadOnlyList<AuroraEvent> ReadAfter(long afterSeq, int limit)
    {
        lock (_gate)
        {
            return _events.Where(e => e.Seq > afterSeq).Take(limit).ToList();
        }
    }

    public ValueTask<IReadOnlyList<AuroraEvent>> ReadAfterAsync(long afterSeq, int limit, CancellationToken ct) =>
        ct.IsCancellationRequested
            ? ValueTask.FromCanceled<IReadOnlyList<AuroraEvent>>(ct)
            : ValueTask.FromResult(ReadAfter(afterSeq, limit));

    public Task FlushAsync(CancellationToken ct) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
