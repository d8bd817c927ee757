using System.Threading.Channels;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Supervision;
using Microsoft.Data.Sqlite;

namespace Aurora.Store;

/// The one writer of state.db: a loop that takes everything queued (up to MaxBatch), writes it in ONE
/// transaction, then reports the committed events in seq order. Idle, an event waits for one commit;
/// under load batches grow, so throughput rises while latency stays about one batch (well under 50 ms).
/// Retention runs between batches, never per event. When the disk is full it holds the writes in memory instead
/// (StoreWriter.Outage.cs) and writes them once it can.
internal sealed partial class StoreWriter : IAsyncDisposable
{
    public const int MaxBatch = 2048;
    private const int Attempts = 5;

    /// A full disk or a locked file: 100 ms, 200, 400, 800 between the attempts.
    private static readonly BackoffOptions RetryBackoff = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), 2, TimeSpan.Zero, 0);

    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly EventInserter _inserter;
    private readonly MinuteInserter _minutes;
    private readonly SqliteCommand _lastSeqCommand;
    private readonly Retention _retention;
    private readonly ResourceRetention _resourceRetention;
    private readonly Action<IReadOnlyList<AuroraEvent>> _onCommitted;
    private readonly Action<Exception> _onError;
    private readonly Action<StoreOutage> _onOutage;
    private readonly TimeProvider _time;
    private readonly Task _loop;
    private long _lastSeq;
    private bool _retentionPending;

    public StoreWriter(SqliteConnection connection, long lastSeq, Retention retention, ResourceRetention resourceRetention,
        Action<IReadOnlyList<AuroraEvent>> onCommitted, Action<Exception> onError, Action<StoreOutage> onOutage, TimeProvider time)
    {
        _onOutage = onOutage;
        _connection = connection;
        _lastSeq = lastSeq;
        _retention = retention;
        _resourceRetention = resourceRetention;
        _onCommitted = onCommitted;
        _onError = onError;
        _time = time;
        _inserter = new EventInserter(connection);
        _minutes = new MinuteInserter(connection);
        _lastSeqCommand = connection.CreateCommand();
        _lastSeqCommand.CommandText =
            "INSERT INTO meta(key, value) VALUES('last_seq', $seq) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        _lastSeqCommand.Parameters.Add("$seq", SqliteType.Integer);
        _loop = Task.Run(RunAsync);
    }

    /// False once the writer is shutting down.
    public bool Enqueue(WriteRequest request) => _queue.Writer.TryWrite(request);

    private async Task RunAsync()
    {
        var batch = new List<WriteRequest>(MaxBatch);
        while (await NextAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var r))
            {
                batch.Add(r);
            }

            Exception? error;
            if (_outage is not null)
            {
                error = Hold(batch);
            }
            else
            {
                error = await CommitWithRetriesAsync(batch);
                RunRetention(exact: batch.Any(r => r is WriteRequest.Trim));
            }

            foreach (var r in batch)
            {
                var done = r switch { WriteRequest.Flush f => f.Done, WriteRequest.Trim t => t.Done, _ => null };
                if (error is null)
                {
                    done?.TrySetResult();
                }
                else
                {
                    done?.TrySetException(error);
                }
            }
        }

        // Shutting down: one last try to write what is held; what cannot be written is said.
        if (_outage is { } outage && !TryResume())
        {
            _onError(new IOException($"{_held.Events} events held in memory since {outage.Since:O} were not stored: {outage.Reason}"));
        }
    }

    private async Task<Exception?> CommitWithRetriesAsync(List<WriteRequest> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var committed = Commit(batch);
                if (committed.Count > 0)
                {
                    _onCommitted(committed);
                }

                return null;
            }
            catch (SqliteException ex) when (IsOutage(ex))
            {
                // The disk is full (or the file unwritable): the batch is held, not dropped, and so is what follows.
                _onError(ex);
                return BeginOutage(batch, ex);
            }
            catch (SqliteException ex)
            {
                // A locked file or a write refused: report, wait a little and try the same batch again. After the
                // last attempt the batch is dropped (reported) so the daemon keeps running.
                _onError(ex);
                if (attempt == Attempts)
                {
                    return ex;
                }

                await Task.Delay(Backoff.Next(attempt, RetryBackoff, () => 0.5), _time, CancellationToken.None);
            }
        }
    }

    private List<AuroraEvent> Commit(IReadOnlyList<WriteRequest> batch)
    {
        var events = new List<AuroraEvent>(batch.Count);
        using var tx = _connection.BeginTransaction();
        foreach (var request in batch)
        {
            switch (request)
            {
                case WriteRequest.Append { Event: var e }:
                    _inserter.Insert(e, tx);
                    IncidentWrites.Apply(_connection, tx, e);
                    events.Add(e);
                    break;
                case WriteRequest.AddFix fix:
                    IncidentWrites.AddFix(_connection, tx, fix);
                    break;
                case WriteRequest.Minutes minutes:
                    _minutes.Insert(minutes.Samples, tx);
                    break;
            }
        }

        if (events.Count > 0)
        {
            _lastSeqCommand.Transaction = tx;
            _lastSeqCommand.Parameters[0].Value = events[^1].Seq;
            _lastSeqCommand.ExecuteNonQuery();
        }

        tx.Commit();
        if (events.Count > 0)
        {
            _lastSeq = events[^1].Seq;
        }

        return events;
    }

    private void RunRetention(bool exact)
    {
        if (!exact && !_retentionPending && !_retention.Due(_lastSeq))
        {
            return;
        }

        try
        {
            // Both always run: `|`, not `||`.
            _retentionPending = _retention.Run(_connection, _lastSeq, exact) | _resourceRetention.Run(_connection, exact);
        }
        catch (SqliteException ex)
        {
            _onError(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _inserter.Dispose();
        _minutes.Dispose();
        _lastSeqCommand.Dispose();
    }
}
