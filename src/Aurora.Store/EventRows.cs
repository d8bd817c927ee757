using System.Text.Json;
using Aurora.Core.Events;
using Microsoft.Data.Sqlite;

namespace Aurora.Store;

/// Events table rows ↔ AuroraEvent. Time is stored as UtcTicks so an event reads back exactly as published.
internal static class EventRows
{
    public const string Columns = "e.seq, e.time, e.type, e.service, e.data";

    public static AuroraEvent Read(SqliteDataReader r, int first = 0)
    {
        using var doc = JsonDocument.Parse(r.GetString(first + 4));
        return new AuroraEvent(
            r.GetInt64(first),
            Time(r.GetInt64(first + 1)),
            r.GetString(first + 2),
            r.IsDBNull(first + 3) ? null : r.GetString(first + 3),
            doc.RootElement.Clone());
    }

    public static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    public static List<AuroraEvent> ReadAfter(SqliteConnection c, long afterSeq, int limit)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM events e WHERE e.seq > $after ORDER BY e.seq LIMIT $limit";
        cmd.Parameters.AddWithValue("$after", afterSeq);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<AuroraEvent>();
        while (r.Read())
        {
            list.Add(Read(r));
        }

        return list;
    }
}
