using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Incidents;
using Aurora.Core.Resources;
using Microsoft.Data.Sqlite;

namespace Aurora.Store;

/// The event log, failure memory and resource history in `.aurora/state.db` (SQLite, WAL). Appends go to one
/// writer that commits them in batches (StoreWriter); reads use pooled connections of their own. Behind
/// IEventStore, IFailureStore and IResourceHistory, so another backend (PostgreSQL for a fleet) can take its place.
/// When the disk is full it holds the writes in memory, bounded, and says so (IStoreHealth) until it can write them.
public sealed class SqliteEventStore : IEventStore, IFailureStore, IResourceHistory, IStoreHealth
{
    /// At most this many events are committed in one transaction.
    public const int MaxBatchSize = StoreWriter.MaxBatch;

    private readonly SqliteConnections _connections;
    private readonly StoreConfig _config;
    private readonly TimeProvider _time;
    private readonly Action<Exception> _onError;
    private readonly HistorySearch _search;
    private readonly ResourceRetention _resourceRetention;
    private StoreWriter? _writer;
    private SqliteConnection? _writeConnection;
    private long _lastIncident;
    private bool _disposed;

    public SqliteEventStore(string path, StoreConfig config, TimeProvider time, Action<Exception>? onError = null)
    {
        _connections = new SqliteConnections(path);
        _config = config;
        _time = time;
        _onError = onError ?? (ex => Console.Error.WriteLine($"aurora: state.db: {ex.Message}"));
        _search = new HistorySearch(_connections, time);
        _resourceRetention = new ResourceRetention(time);
    }

    public string Path => _connections.Path;

    public StoreOutage? Outage => _writer?.Outage;

    public event Action<StoreOutage>? OutageChanged;

    public long Open(Action<IReadOnlyList<AuroraEvent>> onCommitted)
    {
        if (_writer is not null)
        {
            throw new InvalidOperationException("the store is already open");
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var c = _writeConnection = _connections.OpenWriter();
        StoreSchema.Migrate(c);
        var lastSeq = Math.Max(Scalar(c, "SELECT value FROM meta WHERE key = 'last_seq'"), Scalar(c, "SELECT MAX(seq) FROM events"));
        _lastIncident = Math.Max(Scalar(c, "SELECT value FROM meta WHERE key = 'last_incident'"), Scalar(c, "SELECT MAX(id) FROM incidents"));
        var retention = new Retention(_config, _time);
        retention.Load(c, lastSeq);
        _writer = new StoreWriter(c, lastSeq, retention, _resourceRetention, onCommitted, _onError, o => OutageChanged?.Invoke(o), _time);
        return lastSeq;
    }

    /// After DisposeAsync, appends are dropped (a late event of a stopping daemon must not throw into its publisher).
    public void Append(AuroraEvent e)
    {
        if (_writer is { } writer)
        {
            writer.Enqueue(new WriteRequest.Append(e));
        }
        else if (!_disposed)
        {
            throw new InvalidOperationException("the store is not open");
        }
    }

    // The reads below complete before they return: SQLite reads a local file (in WAL mode a reader never waits
    // for the writer), and Microsoft.Data.Sqlite's *Async methods would run synchronously anyway. The async
    // signatures are for a networked store.
    public ValueTask<IReadOnlyList<AuroraEvent>> ReadAfterAsync(long afterSeq, int limit, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var c = _connections.OpenReader();
        return ValueTask.FromResult<IReadOnlyList<AuroraEvent>>(EventRows.ReadAfter(c, afterSeq, limit));
    }

    public Task FlushAsync(CancellationToken ct) => Request(done => new WriteRequest.Flush(done), ct);

    /// Applies the retention bounds exactly, now (normally a pass runs between batches when due).
    public Task TrimAsync(CancellationToken ct) => Request(done => new WriteRequest.Trim(done), ct);

    /// From the counter Open loaded (the highest incident number ever stored), never from the database: the
    /// incident tracker calls this under its lock. A number handed out whose incident.opened never committed
    /// (a crash in between) may be handed out again by the next daemon; nobody ever saw it.
    public string NextIncidentId() => IncidentIds.Format(Interlocked.Increment(ref _lastIncident));

    public Task<IReadOnlyList<IncidentRecord>> OpenIncidentsAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var c = _connections.OpenReader();
        return Task.FromResult<IReadOnlyList<IncidentRecord>>(IncidentRows.Open(c));
    }

    public void AddFix(string incidentId, string fix, string outcome)
    {
        if (!IncidentIds.TryParse(incidentId, out var number))
        {
            throw new ArgumentException($"'{incidentId}' is not an incident id (inc-N)", nameof(incidentId));
        }

        Writer.Enqueue(new WriteRequest.AddFix(number, new FixAttempt(fix, outcome, _time.GetUtcNow())));
    }

    public Task<HistoryResult> QueryAsync(HistoryQuery query, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(_search.Run(query));
    }

    public Task<IncidentRecord?> IncidentAsync(string id, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (!IncidentIds.TryParse(id, out var number))
        {
            return Task.FromResult<IncidentRecord?>(null);
        }

        using var c = _connections.OpenReader();
        using var tx = c.BeginTransaction(deferred: true);
        return Task.FromResult(IncidentRows.Find(c, tx, number));
    }

    /// Like Append, the minutes are dropped after DisposeAsync; before Open there is nowhere to put them.
    public void Append(IReadOnlyList<MinuteSample> minutes)
    {
        if (minutes.Count > 0 && _writer is { } writer)
        {
            writer.Enqueue(new WriteRequest.Minutes(minutes));
        }
        else if (minutes.Count > 0 && !_disposed)
        {
            throw new InvalidOperationException("the store is not open");
        }
    }

    public Task<IReadOnlyList<MinuteSample>> ReadAsync(string? service, DateTimeOffset since, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var c = _connections.OpenReader();
        return Task.FromResult<IReadOnlyList<MinuteSample>>(MinuteRows.Read(c, service, since));
    }

    public void Retain(TimeSpan history) => _resourceRetention.History = history;

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_writer is { } writer)
        {
            _writer = null;
            await writer.DisposeAsync();
        }

        _writeConnection?.Dispose();
        _writeConnection = null;
        _connections.ClearPool();
    }

    private StoreWriter Writer => _writer ?? throw new InvalidOperationException("the store is not open");

    private Task Request(Func<TaskCompletionSource, WriteRequest> make, CancellationToken ct)
    {
        if (_writer is not { } writer)
        {
            return Task.CompletedTask;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return writer.Enqueue(make(done)) ? done.Task.WaitAsync(ct) : Task.CompletedTask;
    }

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() is long v ? v : 0;
    }
}
