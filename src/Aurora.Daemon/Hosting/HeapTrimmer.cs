namespace Aurora.Daemon.Hosting;

/// Gives the memory of a burst back once it is over. The daemon allocates in bursts (bring-up, a reload, a restart
/// storm, a client reading history) and is idle between them, when its small gen0 budget is never used up: what a
/// burst promoted (most of it garbage by then: its strings, buffers, SQLite commands, closures) stays resident until
/// the next full collection, which an idle daemon may not reach for hours (some 20 MB at 200 services, under native
/// AOT). So once a second it looks at the bytes allocated: after at least BurstBytes since the last trim, the first
/// second that allocated less than QuietBytes gets one full, compacting collection that returns the freed memory.
/// An idle daemon is never collected; a busy one only once it calms down.
internal sealed class HeapTrimmer : IAsyncDisposable
{
    public const long BurstBytes = 4 * 1024 * 1024;
    public const long QuietBytes = 256 * 1024;

    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Func<long> _allocated;
    private readonly Action _collect;
    private readonly ITimer _timer;
    private long _last;
    private long _sinceTrim;

    /// allocated and collect: the runtime's (GC.GetTotalAllocatedBytes, a full collection), or a test's.
    public HeapTrimmer(TimeProvider time, Func<long>? allocated = null, Action? collect = null)
    {
        _allocated = allocated ?? (() => GC.GetTotalAllocatedBytes());
        _collect = collect ?? Collect;
        _last = _allocated();
        _timer = time.CreateTimer(_ => Tick(), null, Period, Period);
    }

    /// How many trims ran.
    public int Trims { get; private set; }

    private void Tick()
    {
        lock (_gate)
        {
            var now = _allocated();
            var second = now - _last;
            _last = now;
            _sinceTrim += second;
            if (_sinceTrim < BurstBytes || second >= QuietBytes)
            {
                return;
            }

            _collect();
            _sinceTrim = 0;
            _last = _allocated();
            Trims++;
        }
    }

    private static void Collect() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    public ValueTask DisposeAsync() => _timer.DisposeAsync();
}
