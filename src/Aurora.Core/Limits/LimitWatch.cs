using Aurora.Core.Config;
using Aurora.Core.Resources;

namespace Aurora.Core.Limits;

/// The limits as the sampler sees them, one tick at a time (pure: the sample, the limits and the time in, the
/// breaches out). Memory over `limits.memory` and processes over `limits.pids` are breaches to kill for, once per
/// process, unless the kernel enforces that limit (then memory is the OOM killer's, and pids is reported once per
/// process when pids.max first refused a fork). CPU over `limits.cpu` for `limits.for` is a breach once per episode (it must drop below
/// to start another). A CPU quota throttles the tree at its limit, so under a cgroup quota "over" means at or above
/// ThrottledShare of it.
public sealed class LimitWatch
{
    public const double ThrottledShare = 0.97;

    private readonly Dictionary<string, Watched> _services = [];

    public void Check(ServiceSample sample, ResourceLimits limits, LimitKinds kernel, long pidsRefused, DateTimeOffset now, List<LimitBreach> into)
    {
        if (!_services.TryGetValue(sample.Name, out var w) || w.Pid != sample.Pid)
        {
            w = _services[sample.Name] = new Watched(sample.Pid);
        }

        w.Seen = now;
        if (limits.MemoryBytes is { } memory && (kernel & LimitKinds.Memory) == 0 && sample.MemoryBytes > memory && !w.Killed)
        {
            w.Killed = true;
            into.Add(new LimitBreach(LimitBreach.Memory, sample.MemoryBytes, memory, LimitBreach.BySampling));
        }

        if (limits.Pids is { } pids)
        {
            if ((kernel & LimitKinds.Pids) != 0)
            {
                if (pidsRefused > 0 && !w.PidsReported)
                {
                    w.PidsReported = true;
                    into.Add(new LimitBreach(LimitBreach.Pids, Math.Max(sample.Processes, pids), pids, LimitBreach.ByCgroup));
                }
            }
            else if (sample.Processes > pids && !w.Killed)
            {
                w.Killed = true;
                into.Add(new LimitBreach(LimitBreach.Pids, sample.Processes, pids, LimitBreach.BySampling));
            }
        }

        if (limits.CpuPercent is { } cpu)
        {
            var throttled = (kernel & LimitKinds.Cpu) != 0;
            var over = throttled ? sample.CpuPercent >= cpu * ThrottledShare : sample.CpuPercent > cpu;
            if (!over)
            {
                w.CpuOverSince = null;
                w.CpuReported = false;
            }
            else if ((w.CpuOverSince ??= now) <= now - limits.For && !w.CpuReported)
            {
                w.CpuReported = true;
                into.Add(new LimitBreach(LimitBreach.Cpu, sample.CpuPercent, cpu, throttled ? LimitBreach.ByCgroup : LimitBreach.BySampling));
            }
        }
    }

    /// Forgets the services not seen since `before` (stopped, removed).
    public void Forget(DateTimeOffset before)
    {
        foreach (var name in _services.Where(kv => kv.Value.Seen < before).Select(kv => kv.Key).ToList())
        {
            _services.Remove(name);
        }
    }

    private sealed class Watched(int pid)
    {
        public int Pid { get; } = pid;

        public DateTimeOffset Seen { get; set; }

        public bool Killed { get; set; }

        public bool PidsReported { get; set; }

        public DateTimeOffset? CpuOverSince { get; set; }

        public bool CpuReported { get; set; }
    }
}
