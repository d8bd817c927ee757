using Microsoft.Data.Sqlite;

namespace Aurora.Store;

/// Opens connections to one state.db: one writer, pooled readers.
internal sealed class SqliteConnections(string path)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public string Path { get; } = path;

    public SqliteConnection OpenWriter()
    {
        var c = Open();

        // WAL: readers never block the writer, nor it them. synchronous=NORMAL: in WAL mode a commit has been
        // written to the WAL file (the OS page cache) before Commit returns, so a kill -9 of the daemon loses no
        // committed transaction; only a power loss or kernel crash can lose the last few. FULL would add an
        // fsync per commit for that case, which group commit would amortise but the 50 ms budget would not.
        Pragma(c, "PRAGMA journal_mode=WAL");
        Pragma(c, "PRAGMA synchronous=NORMAL");
        Pragma(c, "PRAGMA busy_timeout=5000");
        Pragma(c, "PRAGMA temp_store=MEMORY");
        Pragma(c, "PRAGMA cache_size=-2048");
        return c;
    }

    public SqliteConnection OpenReader()
    {
        var c = Open();
        Pragma(c, "PRAGMA busy_timeout=5000");
        return c;
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        return c;
    }

    private static void Pragma(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void ClearPool()
    {
        using var c = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(c);
    }
}
