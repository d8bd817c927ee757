using System.Data;
using Aurora.Core.Events;
using Aurora.Core.Incidents;
using Microsoft.Data.Sqlite;

namespace Aurora.Store;

/// The read side of `aurora history`. With text: FTS5 over events and incidents, the most recent
/// Candidates matches of each kind ranked by bm25 weighed with recency (a week old counts half). Taking the
/// newest matches by rowid is what keeps a query fast over a million events: FTS5 walks its doclists in rowid
/// order and stops. The FTS lookup is a subquery of its own so the planner always drives it from the index
/// (joined directly, it may walk the events table and probe the index once per row). The service and cause
/// filters are FTS column filters there, and checked exactly on the joined rows. Without text: the newest incidents and events that pass the filters.
internal sealed class HistorySearch(SqliteConnections connections, TimeProvider time)
{
    public const int Candidates = 500;
    private static readonly TimeSpan HalfWeightAge = TimeSpan.FromDays(7);

    public HistoryResult Run(HistoryQuery q)
    {
        var limit = Math.Clamp(q.Limit, 1, HistoryQuery.MaxLimit);
        using var c = connections.OpenReader();

        // One read transaction: incidents and events come from the same snapshot.
        using var tx = c.BeginTransaction(IsolationLevel.Serializable, deferred: true);
        var now = time.GetUtcNow();
        var incidents = Ranked(ExactThenPrefix(prefix => Incidents(c, tx, q, limit, prefix)), i => i.Opened, now, q.HasText, limit);
        var events = Ranked(ExactThenPrefix(prefix => Events(c, tx, q, limit, prefix)), e => e.Time, now, q.HasText, limit);
        return new HistoryResult(incidents, events);
    }

    /// The last word as a prefix ("addr…") only when the words as typed find nothing: a prefix query makes
    /// FTS5 merge the doclists of every term it covers, which over a million events costs tens of ms.
    private static List<T> ExactThenPrefix<T>(Func<bool, List<T>> run)
    {
        var exact = run(false);
        return exact.Count > 0 ? exact : run(true);
    }

    private static List<(IncidentRecord Row, double Score)> Incidents(SqliteConnection c, SqliteTransaction tx, HistoryQuery q, int limit, bool prefix)
    {
        var match = FtsQuery.Match(q.Text, prefix);
        var filters = " AND ($service IS NULL OR i.service = $service) AND ($cause IS NULL OR i.cause = $cause)"
            + " AND ($since IS NULL OR i.resolved IS NULL OR i.resolved >= $since)";
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = match is null
            ? $"SELECT {IncidentRows.Columns}, 0.0 FROM incidents i WHERE 1 = 1{filters} ORDER BY i.id DESC LIMIT $n"
            : $"""
               SELECT {IncidentRows.Columns}, s.score FROM
                 (SELECT -rowid AS id, bm25(search) AS score FROM search
                  WHERE search MATCH $match AND rowid < 0 ORDER BY rowid LIMIT $n) s
               JOIN incidents i ON i.id = s.id
               WHERE 1 = 1{filters}
               ORDER BY i.id DESC
               """;
        AddCommon(cmd, q, match, match is null ? limit : Candidates);
        cmd.Parameters.AddWithValue("$since", (object?)q.Since?.UtcTicks ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        var rows = new List<(IncidentRecord, double)>();
        while (r.Read())
        {
            rows.Add((IncidentRows.Read(r), r.GetDouble(9)));
        }

        return rows;
    }

    private static List<(AuroraEvent Row, double Score)> Events(SqliteConnection c, SqliteTransaction tx, HistoryQuery q, int limit, bool prefix)
    {
        var minSeq = 1L;
        if (q.Since is { } since)
        {
            using var first = c.CreateCommand();
            first.Transaction = tx;
            // The first event at or after `since` by the time index (O(log n)); seqs follow time, as both are
            // assigned under one lock. MIN(seq) WHERE time >= … makes SQLite walk seq from the oldest event.
            first.CommandText = "SELECT seq FROM events WHERE time >= $since ORDER BY time, seq LIMIT 1";
            first.Parameters.AddWithValue("$since", since.UtcTicks);
            if (first.ExecuteScalar() is not long seq)
            {
                return [];
            }

            minSeq = seq;
        }

        var match = FtsQuery.And(FtsQuery.Match(q.Text, prefix), FtsQuery.Column("service", q.Service), FtsQuery.Column("cause", q.Cause));
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = match is null
            ? $"SELECT {EventRows.Columns}, 0.0 FROM events e WHERE e.seq >= $min ORDER BY e.seq DESC LIMIT $n"
            : $"""
               SELECT {EventRows.Columns}, s.score FROM
                 (SELECT rowid AS seq, bm25(search) AS score FROM search
                  WHERE search MATCH $match AND rowid >= $min ORDER BY rowid DESC LIMIT $n) s
               JOIN events e ON e.seq = s.seq
               WHERE ($service IS NULL OR e.service = $service) AND ($cause IS NULL OR json_extract(e.data, '$.cause') = $cause)
               ORDER BY e.seq DESC
               """;
        AddCommon(cmd, q, match, q.HasText ? Candidates : limit);
        cmd.Parameters.AddWithValue("$min", minSeq);
        using var r = cmd.ExecuteReader();
        var rows = new List<(AuroraEvent, double)>();
        while (r.Read())
        {
            rows.Add((EventRows.Read(r), r.GetDouble(5)));
        }

        return rows;
    }

    private static void AddCommon(SqliteCommand cmd, HistoryQuery q, string? match, int n)
    {
        cmd.Parameters.AddWithValue("$match", (object?)match ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$service", (object?)q.Service ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$cause", (object?)q.Cause ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$n", n);
    }

    /// bm25 is negative, lower is better; relevance = -bm25, weighed down with age. Without text, rows
    /// already come newest first.
    private static List<T> Ranked<T>(List<(T Row, double Score)> rows, Func<T, DateTimeOffset> at, DateTimeOffset now, bool hasText, int limit)
    {
        var ordered = hasText
            ? rows.OrderByDescending(x => -x.Score / (1 + Math.Max(0, (now - at(x.Row)).TotalDays) / HalfWeightAge.TotalDays))
            : rows.AsEnumerable();
        return ordered.Take(limit).Select(x => x.Row).ToList();
    }
}
