using Aurora.Core.Resources;
using Microsoft.Data.Sqlite;

namespace Aurora.Store;

/// resource_minutes rows ↔ MinuteSample. Minute is stored as UtcTicks, like events.time.
internal static class MinuteRows
{
    public static List<MinuteSample> Read(SqliteConnection c, string? service, DateTimeOffset since)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT service, minute, cpu_min, cpu_avg, cpu_max, mem_min, mem_avg, mem_max FROM resource_minutes
            WHERE minute >= $since AND ($service IS NULL OR service = $service) ORDER BY minute, service
            """;
        cmd.Parameters.AddWithValue("$since", since.UtcTicks);
        cmd.Parameters.AddWithValue("$service", (object?)service ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        var list = new List<MinuteSample>();
        while (r.Read())
        {
            list.Add(new MinuteSample(r.GetString(0), EventRows.Time(r.GetInt64(1)), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4),
                r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)));
        }

        return list;
    }
}
