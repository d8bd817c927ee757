namespace Aurora.Core.Resources;

/// Each service's CPU counter at its previous sample, so a tick's CPU % is the delta over the tick. The
/// baseline belongs to one process: a new pid (or the same pid with another start time, a reuse) starts over.
internal sealed class CpuBaselines
{
    private readonly Dictionary<string, Baseline> _last = new(StringComparer.Ordinal);
    private readonly List<string> _gone = [];
    private long _tick;

    /// CPU % of one core since the service's previous sample. A process seen for the first time (just started,
    /// or running when sampling began) is measured from its start, over at least one interval: it used its
    /// ticks within the last interval if it started during it, and on average since its start otherwise.
    public double Percent(string service, int pid, long startTicks, DateTimeOffset? startedAt, long cpuTicks,
        long timestamp, DateTimeOffset now, TimeSpan interval, TimeProvider time)
    {
        double percent;
        if (_last.TryGetValue(service, out var b) && b.Pid == pid && b.StartTicks == startTicks)
        {
            percent = CpuMath.Percent(cpuTicks - b.CpuTicks, time.GetElapsedTime(b.Timestamp, timestamp));
        }
        else
        {
            var lived = startedAt is { } started ? now - started : TimeSpan.Zero;
            percent = CpuMath.Percent(cpuTicks, lived > interval ? lived : interval);
        }

        _last[service] = new Baseline(pid, startTicks, cpuTicks, timestamp, _tick);
        return percent;
    }

    /// Ends a tick: forgets the services that were not sampled in it (stopped, or gone from the config).
    public void EndTick()
    {
        foreach (var (name, b) in _last)
        {
            if (b.Tick != _tick)
            {
                _gone.Add(name);
            }
        }

        foreach (var name in _gone)
        {
            _last.Remove(name);
        }

        _gone.Clear();
        _tick++;
    }

    public void Clear() => _last.Clear();

    private readonly record struct Baseline(int Pid, long StartTicks, long CpuTicks, long Timestamp, long Tick);
}
