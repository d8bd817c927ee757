using Aurora.Core.Events;
using Aurora.Core.Incidents;
using Microsoft.Data.Sqlite;

namespace Aurora.Store;

/// Persists what Core's IncidentProjection decides, inside the writer's transaction for the event or fix that
/// caused it: a crash can never leave an incident.opened without its incident row, or the reverse. The
/// incident's search document is rewritten with it.
internal static class IncidentWrites
{
    public static void Apply(SqliteConnection c, SqliteTransaction tx, AuroraEvent e)
    {
        if (IncidentProjection.IncidentOf(e) is { } id && IncidentIds.TryParse(id, out var number))
        {
            Save(c, tx, IncidentProjection.Apply(IncidentRows.Find(c, tx, number), e));
        }
    }

    public static void AddFix(SqliteConnection c, SqliteTransaction tx, WriteRequest.AddFix fix) =>
        Save(c, tx, IncidentProjection.AddFix(IncidentRows.Find(c, tx, fix.Incident), fix.Attempt));

    private static void Save(SqliteConnection c, SqliteTransaction tx, IncidentRecord? incident)
    {
        if (incident is null || !IncidentIds.TryParse(incident.Id, out var id))
        {
            return;
        }

        Execute(c, tx, """
            INSERT OR REPLACE INTO incidents(id, service, cause, opened, resolved, signature, evidence, fixes)
            VALUES($id, $service, $cause, $opened, $resolved, $signature, $evidence, $fixes)
            """, ("$id", id), ("$service", incident.Service), ("$cause", incident.Cause), ("$opened", incident.Opened.UtcTicks),
            ("$resolved", (object?)incident.Resolved?.UtcTicks ?? DBNull.Value), ("$signature", incident.Signature),
            ("$evidence", StoreJson.Lines(incident.Evidence)), ("$fixes", StoreJson.Fixes(incident.Fixes)));

        // Incident numbers are never reused, even once retention has deleted every incident.
        Execute(c, tx, "INSERT INTO meta(key, value) VALUES('last_incident', $id) ON CONFLICT(key) DO UPDATE SET value = max(value, $id)",
            ("$id", id));
        Execute(c, tx, "DELETE FROM search WHERE rowid = $rowid", ("$rowid", -id));
        Execute(c, tx, "INSERT INTO search(rowid, service, cause, body) VALUES($rowid, $service, $cause, $body)",
            ("$rowid", -id), ("$service", incident.Service), ("$cause", incident.Cause),
            ("$body", SearchDocuments.IncidentBody(incident.Cause, incident.Evidence, incident.Fixes)));
    }

    private static void Execute(SqliteConnection c, SqliteTransaction tx, string sql, params (string Name, object Value)[] args)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        cmd.ExecuteNonQuery();
    }
}
