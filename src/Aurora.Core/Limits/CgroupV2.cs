using System.Globalization;
using Aurora.Core.Config;

namespace Aurora.Core.Limits;

/// A cgroup v2 directory. With `limits` (a pure v2 host): memory.max, memory.high a sixteenth below it (reclaim
/// pressure before the kill), memory.swap.max 0 (so the cap is not dodged into swap), memory.oom.group 1 (an OOM
/// kill takes the whole tree, as the sampling path's kill does), cpu.max and pids.max. On a hybrid host the v2
/// group carries no controller: it is there for cgroup.kill and cgroup.events.
public sealed class CgroupV2(string dir, bool limits) : ICgroup
{
    public IReadOnlyList<string> Directories => [dir];

    public LimitKinds Enforces { get; private set; }

    public void Create() => Directory.CreateDirectory(dir);

    public void Apply(ResourceLimits l)
    {
        if (!limits)
        {
            return;
        }

        var kinds = LimitKinds.None;
        if (l.MemoryBytes is { } memory && CgroupFiles.Write(dir, "memory.max", Number(memory)))
        {
            CgroupFiles.Write(dir, "memory.high", Number(memory - (memory / 16)));
            CgroupFiles.Write(dir, "memory.swap.max", "0");
            CgroupFiles.Write(dir, "memory.oom.group", "1");
            kinds |= LimitKinds.Memory;
        }

        if (l.CpuPercent is { } cpu && CgroupFiles.Write(dir, "cpu.max", $"{CpuQuota.Of(cpu)} {CpuQuota.Period}"))
        {
            kinds |= LimitKinds.Cpu;
        }

        if (l.Pids is { } pids && CgroupFiles.Write(dir, "pids.max", Number(pids)))
        {
            kinds |= LimitKinds.Pids;
        }

        Enforces = kinds;
    }

    public void Attach(int pid) => CgroupFiles.Write(dir, "cgroup.procs", Number(pid));

    public bool Kill() => CgroupFiles.Write(dir, "cgroup.kill", "1");

    public bool? Populated => CgroupFiles.Read(dir, "cgroup.events") is null ? null : CgroupFiles.Keyed(dir, "cgroup.events", "populated") != 0;

    public long OomKills => CgroupFiles.Keyed(dir, "memory.events", "oom_kill");

    public long PidsRefused => CgroupFiles.Keyed(dir, "pids.events", "max");

    public bool Remove() => CgroupFiles.Remove(dir);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
