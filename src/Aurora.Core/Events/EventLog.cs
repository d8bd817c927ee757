using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Channels;

namespace Aurora.Core.Events;

/// The one event stream. Publish assigns the seq; watchers see an event once the store has
/// committed it, replayed from the store first and then followed live, with no gap and no duplicate.
/// A watcher that falls behind by more than WatcherBacklog events is cut off with EventStreamOverflowException
/// and resumes from its last seq: a slow client never slows the daemon or other clients.
public sealed class EventLog : IAsyncDisposable
{
    /// How far a watcher may fall behind before it is cut off: in events (13 s of 5,000 a second), and in the
    /// size of their data. The batches are shared between watchers, so a lagging one holds references, not copies.
    public const int WatcherBacklog = 65_536;

    public const long WatcherBacklogBytes = 8 * 1024 * 1024;

    private readonly object _gate = new();
    private readonly IEventStore _store;
    private readonly TimeProvider _time;
    private readonly List<Watcher> _watchers = [];
    private long _lastSeq;
    private long _committedSeq;

    public EventLog(IEventStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        _lastSeq = _committedSeq = store.Open(OnCommitted);
    }

    public long LastCommittedSeq
    {
        get
        {
            lock (_gate)
            {
                return _committedSeq;
            }
        }
    }

    public IEventStore Store => _store;

    /// After each committed batch, with the highest seq now committed; called outside the log's lock, in
    /// commit order (the store commits from one writer).
    public event Action<long>? Committed;

    public AuroraEvent Publish(string type, string? service, JsonElement? data = null)
    {
        lock (_gate)
        {
            var e = new AuroraEvent(++_lastSeq, _time.GetUtcNow(), type, service, data ?? EventData.Empty);
            _store.Append(e);
            return e;
        }
    }

    public Task FlushAsync(CancellationToken ct) => _store.FlushAsync(ct);

    /// Events with Seq > afterSeq: what is stored, then live ones as they are committed.
    public async IAsyncEnumerable<AuroraEvent> WatchAsync(long afterSeq, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var batch in WatchBatchesAsync(afterSeq, ct))
        {
            foreach (var e in batch)
            {
                yield return e;
            }
        }
    }

    /// The same events in the batches they were committed in (a page of the store while replaying): a reader
    /// that sends them on (a WebSocket) handles each batch at once instead of each event. Every batch is
    /// non-empty, in order, and holds only events after the previous one.
    public async IAsyncEnumerable<IReadOnlyList<AuroraEvent>> WatchBatchesAsync(long afterSeq, [EnumeratorCancellation] CancellationToken ct)
    {
        var watcher = new Watcher();
        long replayUpTo;
        lock (_gate)
        {
            _watchers.Add(watcher);
            replayUpTo = _committedSeq;
        }

        try
        {
            var last = afterSeq;
            while (last < replayUpTo)
            {
                var page = After(await _store.ReadAfterAsync(last, 1000, ct), last, replayUpTo);
                if (page.Count == 0)
                {
                    break;
                }

                yield return page;
                last = page[^1].Seq;
            }

            await foreach (var committed in watcher.Queue.Reader.ReadAllAsync(ct))
            {
                Interlocked.Add(ref watcher.Pending, -committed.Count);
                Interlocked.Add(ref watcher.PendingBytes, -Size(committed));
                var batch = After(committed, last, long.MaxValue);
                if (batch.Count == 0)
                {
                    continue;
                }

                yield return batch;
                last = batch[^1].Seq;
            }

            if (watcher.Overflowed)
            {
                throw new EventStreamOverflowException(last);
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(watcher);
            }
        }
    }

    /// About what a batch weighs on the wire: its data (read in place, no copy) and a little for the envelope.
    private static long Size(IReadOnlyList<AuroraEvent> batch)
    {
        long bytes = 0;
        foreach (var e in batch)
        {
            bytes += 96 + JsonMarshal.GetRawUtf8Value(e.Data).Length;
        }

        return bytes;
    }

    /// The events of a batch with after < Seq <= upTo (the batch itself when all of it qualifies).
    private static IReadOnlyList<AuroraEvent> After(IReadOnlyList<AuroraEvent> batch, long after, long upTo)
    {
        if (batch.Count == 0 || (batch[0].Seq > after && batch[^1].Seq <= upTo))
        {
            return batch;
        }

        return [.. batch.Where(e => e.Seq > after && e.Seq <= upTo)];
    }

    /// Like WatchAsync, for the daemon's own readers (healing, incidents, webhooks, the terminal feed):
    /// when one falls behind a burst it picks up again from the store instead of being cut off.
    public async IAsyncEnumerable<AuroraEvent> FollowAsync(long afterSeq, [EnumeratorCancellation] CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var enumerator = WatchAsync(afterSeq, ct).GetAsyncEnumerator(ct);
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await enumerator.MoveNextAsync())
                        {
                            yield break;
                        }
                    }
                    catch (EventStreamOverflowException overflow)
                    {
                        afterSeq = overflow.LastSeq;
                        break;
                    }
                    catch (OperationCanceledException) when (ct.IsCancellationRequested)
                    {
                        yield break;
                    }

                    afterSeq = enumerator.Current.Seq;
                    yield return enumerator.Current;
                }
            }
            finally
            {
                await enumerator.DisposeAsync();
            }
        }
    }

    private void OnCommitted(IReadOnlyList<AuroraEvent> batch)
    {
        Deliver(batch);
        if (batch.Count > 0)
        {
            Committed?.Invoke(batch[^1].Seq);
        }
    }

    /// One write per watcher per committed batch (the batch is shared, not copied): a watcher holding more
    /// than WatcherBacklog events it has not read yet is cut off and resumes from its last seq.
    private void Deliver(IReadOnlyList<AuroraEvent> batch)
    {
        lock (_gate)
        {
            if (batch.Count > 0)
            {
                _committedSeq = Math.Max(_committedSeq, batch[^1].Seq);
            }

            var size = _watchers.Count == 0 ? 0 : Size(batch);
            foreach (var w in _watchers)
            {
                if (w.Overflowed)
                {
                    continue;
                }

                if (Interlocked.Add(ref w.Pending, batch.Count) > WatcherBacklog
                    || Interlocked.Add(ref w.PendingBytes, size) > WatcherBacklogBytes
                    || !w.Queue.Writer.TryWrite(batch))
                {
                    w.Overflowed = true;
                    w.Queue.Writer.TryComplete();
                }
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var w in _watchers)
            {
                w.Queue.Writer.TryComplete();
            }
        }

        return _store.DisposeAsync();
    }

    private sealed class Watcher
    {
        public Channel<IReadOnlyList<AuroraEvent>> Queue { get; } = Channel.CreateUnbounded<IReadOnlyList<AuroraEvent>>(
            new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

        /// Events delivered and not read yet, and the size of their data.
        public int Pending;

        public long PendingBytes;

        public bool Overflowed { get; set; }
    }
}

/// The watcher fell too far behind; resume with WatchAsync(LastSeq).
public sealed class EventStreamOverflowException(long lastSeq)
    : Exception($"event stream overflowed; resume after seq {lastSeq}")
{
    public long LastSeq { get; } = lastSeq;
}
