using Aurora.Core.Incidents;
using Microsoft.Data.Sqlite;

namespace Aurora.Store;

/// Incidents table rows → IncidentRecord, with the number of stored incidents sharing the signature.
internal static class IncidentRows
{
    public const string Columns = """
        i.id, i.service, i.cause, i.opened, i.resolved, i.evidence, i.signature, i.fixes,
        (SELECT COUNT(*) FROM incidents j WHERE j.signature = i.signature)
        """;

    public static IncidentRecord Read(SqliteDataReader r) => new(
        IncidentIds.Format(r.GetInt64(0)),
        r.GetString(1),
        r.GetString(2),
        EventRows.Time(r.GetInt64(3)),
        r.IsDBNull(4) ? null : EventRows.Time(r.GetInt64(4)),
        StoreJson.ReadLines(r.GetString(5)),
        r.GetString(6),
        StoreJson.ReadFixes(r.GetString(7)),
        r.GetInt32(8));

    /// Incident N as stored, read inside the writer's transaction; null when there is none.
    public static IncidentRecord? Find(SqliteConnection c, SqliteTransaction tx, long id)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT {Columns} FROM incidents i WHERE i.id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    public static List<IncidentRecord> Open(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM incidents i WHERE i.resolved IS NULL ORDER BY i.id";
        using var r = cmd.ExecuteReader();
        var list = new List<IncidentRecord>();
        while (r.Read())
        {
            list.Add(Read(r));
        }

        return list;
    }
}
