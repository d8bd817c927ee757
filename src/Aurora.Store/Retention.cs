using Aurora.Core.Config;
using Microsoft.Data.Sqlite;

namespace Aurora.Store;

/// Keeps the store bounded (store.max_events, store.max_age). Run by the writer between batches, never per
/// event: a pass is due when the store holds 10% more events than allowed, or a minute after the last pass
/// (for age). One pass deletes at most ChunkSize events so a commit is never held up for long; an exact pass
/// (TrimAsync) deletes everything over the bounds. Seqs are contiguous, so the count is lastSeq - floor + 1.
internal sealed class Retention(StoreConfig config, TimeProvider time)
{
    public const int ChunkSize = 20_000;
    public const int MaxIncidents = 10_000;
    public static readonly TimeSpan AgeCheckInterval = TimeSpan.FromMinutes(1);

    private readonly long _slack = Math.Max(config.MaxEvents / 10, 1);
    private long _floor;
    private DateTimeOffset _lastPass = time.GetUtcNow();

    public void Load(SqliteConnection c, long lastSeq)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT MIN(seq) FROM events";
        _floor = cmd.ExecuteScalar() is long min ? min : lastSeq + 1;
    }

    public bool Due(long lastSeq) =>
        lastSeq - _floor + 1 > config.MaxEvents + _slack || time.GetUtcNow() - _lastPass >= AgeCheckInterval;

    /// Deletes the oldest events beyond the bounds; returns true when more remain for another pass.
    public bool Run(SqliteConnection c, long lastSeq, bool exact)
    {
        var now = time.GetUtcNow();
        _lastPass = now;
        var want = Math.Max(lastSeq - config.MaxEvents, AgeCut(c, now));
        var more = false;
        while (want >= _floor)
        {
            var cut = Math.Min(want, _floor + ChunkSize - 1);
            using var tx = c.BeginTransaction();
            Execute(c, tx, "DELETE FROM events WHERE seq <= $cut", cut);
            Execute(c, tx, "DELETE FROM search WHERE rowid BETWEEN $floor AND $cut", cut, _floor);
            tx.Commit();
            _floor = cut + 1;
            more = want >= _floor;
            if (!exact)
            {
                break;
            }
        }

        TrimIncidents(c);
        return more;
    }

    private long AgeCut(SqliteConnection c, DateTimeOffset now)
    {
        var maxAgeTicks = Math.Min(config.MaxAge.Ticks, now.UtcTicks);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT MAX(seq) FROM events WHERE time < $before";
        cmd.Parameters.AddWithValue("$before", now.UtcTicks - maxAgeTicks);
        return cmd.ExecuteScalar() is long seq ? seq : 0;
    }

    // Incidents are the long memory: far fewer than events, kept by number rather than by age.
    private static void TrimIncidents(SqliteConnection c)
    {
        using var tx = c.BeginTransaction();
        using var max = c.CreateCommand();
        max.Transaction = tx;
        max.CommandText = "SELECT MAX(id) - $keep FROM incidents";
        max.Parameters.AddWithValue("$keep", MaxIncidents);
        if (max.ExecuteScalar() is long cut && cut > 0)
        {
            Execute(c, tx, "DELETE FROM search WHERE rowid BETWEEN -$cut AND -1", cut);
            Execute(c, tx, "DELETE FROM incidents WHERE id <= $cut", cut);
        }

        tx.Commit();
    }

    private static void Execute(SqliteConnection c, SqliteTransaction tx, string sql, long cut, long? floor = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$cut", cut);
        if (floor is { } f)
        {
            cmd.Parameters.AddWithValue("$floor", f);
        }

        cmd.ExecuteNonQuery();
    }
}
