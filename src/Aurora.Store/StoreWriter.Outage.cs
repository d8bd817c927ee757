using Aurora.Core.Events;
using Microsoft.Data.Sqlite;

namespace Aurora.Store;

/// The writer while state.db cannot be written (a full disk, most often). Nothing is dropped for that: the writes
/// are held in memory, in order and bounded (HeldWrites), and written, oldest first, once a try succeeds (one a
/// second). Until then nothing held is reported committed: no watcher is shown an event a crash could still lose,
/// and none is shown twice. A flush answers at once, with the reason, instead of waiting for the disk.
internal sealed partial class StoreWriter
{
    /// How often the held writes are tried again.
    public static readonly TimeSpan OutageRetry = TimeSpan.FromSeconds(1);

    private readonly HeldWrites _held = new();
    private StoreOutage? _outage;
    private long _lastTry;
    private int _written;

    /// The outage in course (with how many events are held now), or null.
    public StoreOutage? Outage => Volatile.Read(ref _outage);

    /// SQLite's answers that mean "nothing can be written here now", not "this write is wrong": SQLITE_READONLY (8),
    /// SQLITE_IOERR (10), SQLITE_FULL (13), SQLITE_CANTOPEN (14).
    private static bool IsOutage(SqliteException ex) => ex.SqliteErrorCode is 8 or 10 or 13 or 14;

    /// SQLite's message without its final period: it is quoted inside sentences.
    private static string Reason(SqliteException ex) => ex.Message.TrimEnd('.');

    /// Waits for writes to take, or (in an outage) for the next try, whichever comes first. False once shut down.
    private async ValueTask<bool> NextAsync()
    {
        if (_outage is null)
        {
            return await _queue.Reader.WaitToReadAsync();
        }

        var remaining = OutageRetry - _time.GetElapsedTime(_lastTry);
        if (remaining <= TimeSpan.Zero)
        {
            return true;
        }

        using var cancel = new CancellationTokenSource();
        var read = _queue.Reader.WaitToReadAsync(cancel.Token).AsTask();
        var first = await Task.WhenAny(read, Task.Delay(remaining, _time, cancel.Token));
        await cancel.CancelAsync();
        return first != read || await read;
    }

    private Exception? BeginOutage(List<WriteRequest> batch, SqliteException ex)
    {
        _written = 0;
        _held.Reset();
        _lastTry = _time.GetTimestamp();
        var outage = new StoreOutage(_time.GetUtcNow(), Reason(ex), 0, 0);
        Volatile.Write(ref _outage, outage);
        _onOutage(outage);
        return Hold(batch);
    }

    /// Holds the batch; once a second, and whenever a flush asks, tries to write everything held. Null when the
    /// outage is over, else the error a flush in the batch answers with.
    private Exception? Hold(List<WriteRequest> batch)
    {
        foreach (var r in batch)
        {
            if (r is not (WriteRequest.Flush or WriteRequest.Trim))
            {
                _held.Add(r);
            }
        }

        var asked = batch.Any(r => r is WriteRequest.Flush or WriteRequest.Trim);
        if ((asked || _time.GetElapsedTime(_lastTry) >= OutageRetry) && TryResume())
        {
            return null;
        }

        var outage = _outage!;
        Volatile.Write(ref _outage, outage with { Held = _held.Events, Dropped = _held.Dropped });
        return new IOException($"state.db cannot be written since {outage.Since:O} ({outage.Reason}); {_held.Events} events are held in memory");
    }

    /// Writes what is held, oldest first, a batch per transaction. True when all of it is written: the outage is
    /// over (reported with how many were written and dropped).
    private bool TryResume()
    {
        _lastTry = _time.GetTimestamp();
        while (_held.Count > 0)
        {
            var chunk = _held.Peek(MaxBatch);
            List<AuroraEvent> committed;
            try
            {
                committed = Commit(chunk);
            }
            catch (SqliteException ex) when (IsOutage(ex))
            {
                Volatile.Write(ref _outage, _outage! with { Reason = Reason(ex), Held = _held.Events, Dropped = _held.Dropped });
                return false;
            }
            catch (SqliteException ex)
            {
                // Not the disk: these writes can never be stored. As outside an outage, they are reported and dropped.
                _onError(ex);
                committed = [];
            }

            chunk.ForEach(_ => _held.Remove());
            _written += committed.Count;
            if (committed.Count > 0)
            {
                _onCommitted(committed);
            }
        }

        var ended = _outage! with { Held = _written, Dropped = _held.Dropped, Ended = _time.GetUtcNow() };
        Volatile.Write(ref _outage, null);
        _onOutage(ended);
        return true;
    }
}
