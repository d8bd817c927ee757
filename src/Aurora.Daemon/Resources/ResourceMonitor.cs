using Aurora.Core.Config;
using Aurora.Core.Resources;
using Aurora.Core.Supervision;

namespace Aurora.Daemon.Resources;

/// The daemon's resource sampling: the sampler over /proc, the live feed of its samples, the ring that status
/// and GET /api/v1/resources read, and the minute history in the store.
public sealed class ResourceMonitor : IAsyncDisposable
{
    private readonly ResourceSampler _sampler;
    private readonly ProcTreeReader _reader = new(keep: true);
    private readonly SampleJson _json = new();

    /// onTick: also given every tick, after the live feed (the limits enforced by sampling).
    public ResourceMonitor(Func<MonitorConfig> monitor, ServiceStateStore states, IResourceHistory history, TimeProvider time,
        Action<ResourceTick>? onTick = null)
    {
        History = history;
        _sampler = new ResourceSampler(monitor, () => states.All.Values, _reader, history,
            tick =>
            {
                Feed.Publish(_json.Write(tick));
                Ticked?.Invoke(tick);
                onTick?.Invoke(tick);
            }, time);
    }

    /// Each tick, after its samples went out (on the sampler's loop; the tick's list is valid only during the call).
    public event Action<ResourceTick>? Ticked;

    /// The 1-minute aggregates (forecasts and insights read them).
    public IResourceHistory History { get; }

    /// Each service's CPU seconds as a counter (GET /metrics).
    public CpuTotals CpuTotals => _sampler.CpuTotals;

    /// The last five minutes at full resolution; null while sampling is off.
    public ResourceRing? Ring => _sampler.Ring;

    internal SampleFeed Feed { get; } = new();

    public void Start() => _sampler.Start();

    /// A service's CPU % and memory for status: from the newest sample while sampling is on and the newest
    /// sample is of the service's current process; otherwise CPU is unknown (null) and memory is read now.
    internal (double? CpuPercent, long? MemoryBytes) Usage(ServiceSnapshot s, ProcTreeReader? reader = null)
    {
        if (s.Pid is not { } pid)
        {
            return (null, null);
        }

        if (Ring?.Latest(s.Name) is { } sample && sample.Pid == pid)
        {
            return (sample.CpuPercent, sample.MemoryBytes);
        }

        if (reader is null)
        {
            using var once = new ProcTreeReader();
            return Usage(s, once);
        }

        return reader.TryRead(pid, out var usage) ? (null, usage.RssBytes) : (null, null);
    }

    public async ValueTask DisposeAsync()
    {
        await _sampler.DisposeAsync();
        _reader.Dispose(); // after the sampler's loop, its only user, has ended
    }
}
