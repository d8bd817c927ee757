using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Store;
using Microsoft.Data.Sqlite;

namespace Aurora.IntegrationTests.Store;

/// A state.db in a throwaway directory, opened behind an EventLog like the daemon does.
internal sealed class TempStore : IAsyncDisposable
{
    private readonly Action<Exception>? _onError;

    private TempStore(string dir, StoreConfig config, TimeProvider time, Action<Exception>? onError)
    {
        Dir = dir;
        Config = config;
        Time = time;
        _onError = onError;
    }

    public string Dir { get; }

    public string DbPath => Path.Combine(Dir, ".aurora", "state.db");

    public StoreConfig Config { get; }

    public TimeProvider Time { get; }

    public SqliteEventStore Store { get; private set; } = null!;

    public EventLog Events { get; private set; } = null!;

    /// onError: what the store reports (a failed commit, say); by default it goes to stderr.
    public static TempStore Open(StoreConfig? config = null, TimeProvider? time = null, Action<Exception>? onError = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "aur-store-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        var store = new TempStore(dir, config ?? StoreConfig.Default, time ?? TimeProvider.System, onError);
        store.Reopen();
        return store;
    }

    /// Closes the log and store (draining them) and opens the same file again.
    public async Task CloseAndReopenAsync()
    {
        await Events.DisposeAsync();
        Reopen();
    }

    public long Scalar(string sql) => Run(sql, cmd => cmd.ExecuteScalar() is long v ? v : 0);

    /// Runs SQL on a connection of its own, beside the store's (a trigger that makes a write fail, say).
    public void Execute(string sql) => Run(sql, cmd => cmd.ExecuteNonQuery());

    private T Run<T>(string sql, Func<SqliteCommand, T> run)
    {
        using var c = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return run(cmd);
    }

    private void Reopen()
    {
        Store = new SqliteEventStore(DbPath, Config, Time, _onError);
        Events = new EventLog(Store, Time);
    }

    public async ValueTask DisposeAsync()
    {
        await Events.DisposeAsync();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
