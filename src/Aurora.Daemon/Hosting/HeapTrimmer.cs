namespace Aurora.Daemon.Hosting;

/// Gives the memory of a burst back once it is over. The daemon allocates in bursts (bring-up, a reload, a restart
/// storm, a client reading history) and is idle between them, when its small gen0 budget is never used up: what a
/// burst promoted (most of it garbage by then: its strings, buffers, SQLite commands, closures) stays resident until
/// the next full collection, which an idle daemon may not reach for hours (some 20 MB at 200 services, under native
/// AOT). So while the daemon allocates it looks at the bytes allocated once a second: seconds that allocated at least
/// QuietBytes are busy; once BurstBytes were allocated in busy seconds since the last trim, the first quiet second
/// gets one full, compacting collection that returns the freed memory, and the pages of code and read-only data the
/// burst faulted in are given back (ImagePages).
///
/// Bring-up is always trimmed, at its first quiet second, even when it allocated little.
///
/// It costs an idle daemon nothing: a quiet second stops the timer, and only a collection (which comes only from
/// allocating: the gen0 budget used up, see CollectionSignal) starts it again. A steady trickle of allocation
/// (resource samples) is never busy, so it never causes a trim; a busy daemon is trimmed only once it calms down.
internal sealed class HeapTrimmer : IAsyncDisposable
{
    public const long BurstBytes = 4 * 1024 * 1024;
    public const long QuietBytes = 256 * 1024;

    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Func<long> _allocated;
    private readonly Action _collect;
    private readonly ITimer _timer;
    private CollectionSignal? _signal;
    private bool _ticking;
    private bool _disposed;
    private long _last;
    private long _burst;

    /// allocated and collect: the runtime's (GC.GetTotalAllocatedBytes, a full collection), or a test's. It starts
    /// ticking (a bring-up is a burst); Wake starts it again after a quiet second stopped it.
    public HeapTrimmer(TimeProvider time, Func<long>? allocated = null, Action? collect = null)
    {
        _allocated = allocated ?? (() => GC.GetTotalAllocatedBytes());
        _collect = collect ?? Collect;
        _last = _allocated();
        _ticking = true;

        // Bring-up counts as a burst however little it allocated (one service): it faulted in the image's pages.
        _burst = BurstBytes;
        _timer = time.CreateTimer(_ => Tick(), null, Period, Period);
    }

    /// The daemon's: woken by every garbage collection.
    public static HeapTrimmer ForThisProcess(TimeProvider time)
    {
        var trimmer = new HeapTrimmer(time);
        trimmer._signal = CollectionSignal.Start(trimmer.Wake);
        return trimmer;
    }

    /// How many trims ran.
    public int Trims { get; private set; }

    /// True while the timer runs (from a wake to the next quiet second).
    public bool Ticking
    {
        get
        {
            lock (_gate)
            {
                return _ticking;
            }
        }
    }

    /// The process allocates again (a collection just ran): look at each second until one is quiet. What was
    /// allocated before this is not counted: it may have been spread over hours of idling.
    public void Wake()
    {
        lock (_gate)
        {
            if (_ticking || _disposed)
            {
                return;
            }

            _ticking = true;
            _last = _allocated();
            _timer.Change(Period, Period);
        }
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (!_ticking || _disposed)
            {
                return;
            }

            var now = _allocated();
            var second = now - _last;
            _last = now;
            if (second >= QuietBytes)
            {
                _burst += second;
                return;
            }

            _ticking = false;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (_burst < BurstBytes)
            {
                return;
            }

            _collect();
            _burst = 0;
            Trims++;
        }
    }

    /// The heap, then the executable's pages that the burst faulted in (ImagePages).
    private static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        ImagePages.PageOut();
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _signal?.Dispose();
        return _timer.DisposeAsync();
    }
}
