using System.Collections.Immutable;
using Aurora.Core.Events;
using Aurora.Core.Incidents;
using Microsoft.Data.Sqlite;

namespace Aurora.Store;

/// Keeps the incidents table and their search documents in step with incident.* events, inside the same
/// transaction as the event: a crash can never leave an incident.opened without its incident, or the reverse.
internal static class IncidentProjection
{
    public static void Apply(SqliteConnection c, SqliteTransaction tx, AuroraEvent e)
    {
        if (!e.Type.StartsWith("incident.", StringComparison.Ordinal) || IncidentData.Read(e) is not { } data
            || !IncidentIds.TryParse(data.Id, out var id))
        {
            return;
        }

        switch (e.Type)
        {
            case EventTypes.IncidentOpened:
                Execute(c, tx, """
                    INSERT OR REPLACE INTO incidents(id, service, cause, opened, resolved, signature, evidence, fixes)
                    VALUES($id, $service, $cause, $opened, NULL, $signature, $evidence, '[]')
                    """, ("$id", id), ("$service", data.Service), ("$cause", data.Cause), ("$opened", OpenedAt(e).UtcTicks),
                    ("$signature", data.Signature), ("$evidence", StoreJson.Lines(data.Evidence)));
                Execute(c, tx, "INSERT INTO meta(key, value) VALUES('last_incident', $id) ON CONFLICT(key) DO UPDATE SET value = max(value, $id)",
                    ("$id", id));
                Reindex(c, tx, id);
                break;
            case EventTypes.IncidentDiagnosed:
                Execute(c, tx, "UPDATE incidents SET cause = $cause WHERE id = $id", ("$id", id), ("$cause", data.Cause));
                Reindex(c, tx, id);
                break;
            case EventTypes.IncidentResolved:
                Execute(c, tx, "UPDATE incidents SET resolved = $at WHERE id = $id", ("$id", id), ("$at", e.Time.UtcTicks));
                break;
        }
    }

    private static DateTimeOffset OpenedAt(AuroraEvent e) =>
        e.Data.TryGetProperty("opened_ms", out var ms) && ms.ValueKind == System.Text.Json.JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms.GetInt64())
            : e.Time;

    public static void AddFix(SqliteConnection c, SqliteTransaction tx, WriteRequest.AddFix fix)
    {
        using var read = Command(c, tx, "SELECT fixes FROM incidents WHERE id = $id", ("$id", fix.Incident));
        if (read.ExecuteScalar() is not string json)
        {
            return;
        }

        var fixes = StoreJson.ReadFixes(json).Add(new FixAttempt(fix.Fix, fix.Outcome, fix.Time));
        Execute(c, tx, "UPDATE incidents SET fixes = $fixes WHERE id = $id", ("$id", fix.Incident), ("$fixes", StoreJson.Fixes(fixes)));
        Reindex(c, tx, fix.Incident);
    }

    private static void Reindex(SqliteConnection c, SqliteTransaction tx, long id)
    {
        using var read = Command(c, tx, "SELECT service, cause, evidence, fixes FROM incidents WHERE id = $id", ("$id", id));
        using var r = read.ExecuteReader();
        if (!r.Read())
        {
            return;
        }

        var (service, cause) = (r.GetString(0), r.GetString(1));
        ImmutableArray<string> evidence = StoreJson.ReadLines(r.GetString(2));
        var fixes = StoreJson.ReadFixes(r.GetString(3));
        r.Close();
        Execute(c, tx, "DELETE FROM search WHERE rowid = $rowid", ("$rowid", -id));
        Execute(c, tx, "INSERT INTO search(rowid, service, cause, body) VALUES($rowid, $service, $cause, $body)",
            ("$rowid", -id), ("$service", service), ("$cause", cause), ("$body", SearchDocuments.IncidentBody(cause, evidence, fixes)));
    }

    private static void Execute(SqliteConnection c, SqliteTransaction tx, string sql, params (string Name, object Value)[] args)
    {
        using var cmd = Command(c, tx, sql, args);
        cmd.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string sql, params (string Name, object Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return cmd;
    }
}
