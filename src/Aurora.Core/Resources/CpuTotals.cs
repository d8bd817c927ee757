namespace Aurora.Core.Resources;

/// Each service's CPU time as a counter (GET /metrics: aurora_service_cpu_seconds_total): the utime+stime of
/// its tree added up over every sample since the daemon started, across its restarts. It only grows: a new
/// process (pid, or start time on a reused pid) adds what it used from its start; the same process adds what it
/// used since its previous sample; a tree whose total fell (a child exited with its time and nobody in the tree
/// reaped it) adds nothing until it grows again. What a process used between its last sample and its exit is
/// not seen, as for the CPU %. Written by the sampler's one loop, read by scrapes.
public sealed class CpuTotals
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Total> _totals = new(StringComparer.Ordinal);

    public void Add(string service, int pid, long startTicks, long cpuTicks)
    {
        lock (_gate)
        {
            if (!_totals.TryGetValue(service, out var total))
            {
                _totals[service] = total = new Total();
            }

            var sameProcess = total.Pid == pid && total.StartTicks == startTicks;
            total.Ticks += sameProcess ? Math.Max(0, cpuTicks - total.LastTicks) : Math.Max(0, cpuTicks);
            total.Pid = pid;
            total.StartTicks = startTicks;
            total.LastTicks = cpuTicks;
        }
    }

    /// CPU seconds the service's trees have used in samples so far; null when none was ever sampled.
    public double? Seconds(string service)
    {
        lock (_gate)
        {
            return _totals.TryGetValue(service, out var total) ? total.Ticks / CpuMath.TicksPerSecond : null;
        }
    }

    private sealed class Total
    {
        public int Pid { get; set; } = -1;

        public long StartTicks { get; set; }

        public long LastTicks { get; set; }

        public long Ticks { get; set; }
    }
}
