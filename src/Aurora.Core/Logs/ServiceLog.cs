using System.Text;
using System.Threading.Channels;
using Aurora.Core.Config;
using Aurora.Core.Processes;

namespace Aurora.Core.Logs;

/// One service's log, across its restarts: logDirectory/NAME.log, rotated by size to NAME.log.1 ….
/// Writers (one per spawned process) hand it whole lines; it appends them under one lock, rotating at
/// line boundaries, keeps the last lines in memory for diagnosis and feeds followers.
public sealed partial class ServiceLog : IServiceOutput, IDisposable
{
    public const int RecentCapacity = 200;
    public const int FollowerQueueCapacity = 10_000;

    private readonly Lock _gate = new();
    private readonly LineRing _recent = new(RecentCapacity);
    private readonly List<Channel<string>> _followers = [];
    private readonly List<string> _unpublished = [];
    private readonly string _directory;
    private readonly string _service;
    private readonly Action<LogRotated>? _onRotated;
    private LogConfig _config;
    private FileStream? _file;
    private long _size;
    private bool _disposed;

    public ServiceLog(string logDirectory, string serviceName, LogConfig config, TimeProvider time, Action<LogRotated>? onRotated = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(logDirectory);
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentNullException.ThrowIfNull(config);

        // Nothing here is timed yet; the clock is taken so that age-based rotation can come without an API change.
        ArgumentNullException.ThrowIfNull(time);
        _directory = logDirectory;
        _service = serviceName;
        _config = config;
        _onRotated = onRotated;
        FilePath = Path.Combine(logDirectory, serviceName + ".log");

        // The daemon may restart: an existing NAME.log is appended to and counts towards max_size.
        var existing = new FileInfo(FilePath);
        _size = existing.Exists ? existing.Length : 0;
    }

    public string FilePath { get; }

    /// One per spawned process: its own partial-line buffer, so processes never tear each other's lines.
    public IOutputSink OpenWriter() => new LogWriter(this);

    /// Aurora's own line, e.g. "[aurora] started pid 4242".
    public void WriteNote(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        AppendLines(bytes);
    }

    /// The last n lines written by this instance, from memory (at most RecentCapacity).
    public IReadOnlyList<string> RecentLines(int count)
    {
        lock (_gate)
        {
            return _recent.Last(count);
        }
    }

    /// Takes effect from the next write: a smaller max_size rotates at the next line, a smaller keep
    /// deletes the surplus files at the next rotation.
    public void Reconfigure(LogConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        lock (_gate)
        {
            _config = config;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            CloseFile();
            foreach (var follower in _followers)
            {
                follower.Writer.TryComplete();
            }

            _followers.Clear();
        }
    }
}
