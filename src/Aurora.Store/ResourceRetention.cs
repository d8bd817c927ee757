using Aurora.Core.Config;
using Microsoft.Data.Sqlite;

namespace Aurora.Store;

/// Keeps resource_minutes within `monitor.history`, in the same retention passes as the events (between
/// batches, at least once a minute while anything is written). A pass deletes at most ChunkSpan of minutes
/// (every service's) so a commit is never held up for long; an exact pass (TrimAsync) deletes all that is due.
internal sealed class ResourceRetention(TimeProvider time)
{
    public static readonly TimeSpan ChunkSpan = TimeSpan.FromMinutes(30);

    private long _historyTicks = MonitorConfig.DefaultHistory.Ticks;

    /// Set from the daemon's sampler (any thread); read by the writer.
    public TimeSpan History
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _historyTicks));
        set => Interlocked.Exchange(ref _historyTicks, value.Ticks);
    }

    /// Deletes the oldest minutes beyond the bound; returns true when more remain for another pass.
    public bool Run(SqliteConnection c, bool exact)
    {
        var now = time.GetUtcNow().UtcTicks;
        var cut = now - Math.Min(History.Ticks, now);
        using var oldest = c.CreateCommand();
        oldest.CommandText = "SELECT MIN(minute) FROM resource_minutes";
        if (oldest.ExecuteScalar() is not long first || first >= cut)
        {
            return false;
        }

        var upTo = exact ? cut : Math.Min(cut, first + ChunkSpan.Ticks);
        using var delete = c.CreateCommand();
        delete.CommandText = "DELETE FROM resource_minutes WHERE minute < $cut";
        delete.Parameters.AddWithValue("$cut", upTo);
        delete.ExecuteNonQuery();
        return upTo < cut;
    }
}
