using Microsoft.Data.Sqlite;

namespace Aurora.Store;

/// The schema of `.aurora/state.db`, versioned with PRAGMA user_version: each migration runs once, in
/// order, in its own transaction. Append new migrations; never edit a shipped one.
internal static class StoreSchema
{
    private static readonly string[][] Migrations =
    [
        // 1: events, incidents, the search index and the high-water marks.
        [
            """
            CREATE TABLE events(
                seq     INTEGER PRIMARY KEY,
                time    INTEGER NOT NULL,   -- DateTimeOffset.UtcTicks: exact, and ordered
                type    TEXT NOT NULL,
                service TEXT,
                data    TEXT NOT NULL)      -- the event's JSON object
            """,
            "CREATE INDEX events_time ON events(time)",
            """
            CREATE TABLE incidents(
                id        INTEGER PRIMARY KEY,   -- N of "inc-N"
                service   TEXT NOT NULL,
                cause     TEXT NOT NULL,
                opened    INTEGER NOT NULL,      -- UtcTicks
                resolved  INTEGER,
                signature TEXT NOT NULL,
                evidence  TEXT NOT NULL,         -- JSON array of lines
                fixes     TEXT NOT NULL)         -- JSON array of {fix, outcome, time}
            """,
            "CREATE INDEX incidents_signature ON incidents(signature)",
            "CREATE INDEX incidents_service ON incidents(service, id)",
            // Contentless: the text lives in events/incidents already. rowid = seq for an event, -N for incident N.
            """
            CREATE VIRTUAL TABLE search USING fts5(service, cause, body,
                content='', contentless_delete=1, tokenize='porter unicode61')
            """,
            // Seqs and incident numbers are never reused, even when retention has deleted every row.
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
        ],

        // 2: the per-minute resource history (monitor.sample_interval), bounded by monitor.history.
        [
            """
            CREATE TABLE resource_minutes(
                service TEXT NOT NULL,
                minute  INTEGER NOT NULL,   -- UtcTicks of the minute's start, like events.time
                cpu_min REAL NOT NULL,      -- % of one core
                cpu_avg REAL NOT NULL,
                cpu_max REAL NOT NULL,
                mem_min INTEGER NOT NULL,   -- RSS of the process tree, bytes
                mem_avg INTEGER NOT NULL,
                mem_max INTEGER NOT NULL,
                PRIMARY KEY(service, minute)) WITHOUT ROWID
            """,
            "CREATE INDEX resource_minutes_minute ON resource_minutes(minute)",
        ],
    ];

    public static int Latest => Migrations.Length;

    public static void Migrate(SqliteConnection connection)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"));
        if (version > Latest)
        {
            throw new InvalidOperationException(
                $"{connection.DataSource} has schema version {version}, newer than this Aurora knows ({Latest}); upgrade Aurora");
        }

        for (var v = version; v < Latest; v++)
        {
            using var tx = connection.BeginTransaction();
            foreach (var sql in Migrations[v])
            {
                Execute(connection, tx, sql);
            }

            Execute(connection, tx, $"PRAGMA user_version = {v + 1}");
            tx.Commit();
        }
    }

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private static void Execute(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
