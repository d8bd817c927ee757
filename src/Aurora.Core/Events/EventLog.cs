using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;

namespace Aurora.Core.Events;

/// The one event stream. Publish assigns the seq; watchers see an event once the store has
/// committed it, replayed from the store first and then followed live, with no gap and no duplicate.
/// A watcher that falls behind by more than its queue is cut off with EventStreamOverflowException
/// and resumes from its last seq: a slow client never slows the daemon or other clients.
public sealed class EventLog : IAsyncDisposable
{
    public const int WatcherQueueCapacity = 4096;

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
                var page = await _store.ReadAfterAsync(last, 1000, ct);
                if (page.Count == 0)
                {
                    break;
                }

                foreach (var e in page)
                {
                    if (e.Seq > replayUpTo)
                    {
                        break;
                    }

                    yield return e;
                    last = e.Seq;
                }
            }

            await foreach (var e in watcher.Queue.Reader.ReadAllAsync(ct))
            {
                if (e.Seq <= last)
                {
                    continue;
                }

                yield return e;
                last = e.Seq;
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

    private void Deliver(IReadOnlyList<AuroraEvent> batch)
    {
        lock (_gate)
        {
            if (batch.Count > 0)
            {
                _committedSeq = Math.Max(_committedSeq, batch[^1].Seq);
            }

            foreach (var w in _watchers)
            {
                foreach (var e in batch)
                {
                    if (!w.Queue.Writer.TryWrite(e))
                    {
                        w.Overflowed = true;
                        w.Queue.Writer.TryComplete();
                        break;
                    }
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
        public Channel<AuroraEvent> Queue { get; } = Channel.CreateBounded<AuroraEvent>(
            new BoundedChannelOptions(WatcherQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

        public bool Overflowed { get; set; }
    }
}

/// The watcher fell too far behind; resume with WatchAsync(LastSeq).
public sealed class EventStreamOverflowException(long lastSeq)
    : Exception($"event stream overflowed; resume after seq {lastSeq}")
{
    public long LastSeq { get; } = lastSeq;
}
