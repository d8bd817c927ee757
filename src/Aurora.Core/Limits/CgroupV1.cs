using System.Collections.Immutable;
using System.Globalization;
using Aurora.Core.Config;
using Aurora.Core.Processes;

namespace Aurora.Core.Limits;

/// One service's directories in the v1 hierarchies (controller → directory): memory.limit_in_bytes (and
/// memory.memsw.limit_in_bytes to the same figure where swap accounting is on), cpu.cfs_quota_us over
/// cpu.cfs_period_us, pids.max. v1 has no cgroup.kill: Kill lists the group's processes and signals each one,
/// pinned by a pidfd and checked to still be in the group, a few rounds for what forked meanwhile.
public sealed class CgroupV1(ImmutableDictionary<string, string> dirs) : ICgroup
{
    private const int KillRounds = 8;

    public IReadOnlyList<string> Directories { get; } = [.. dirs.Values.Distinct()];

    public LimitKinds Enforces { get; private set; }

    public void Create()
    {
        foreach (var dir in Directories)
        {
            Directory.CreateDirectory(dir);
        }
    }

    public void Apply(ResourceLimits l)
    {
        var kinds = LimitKinds.None;
        if (l.MemoryBytes is { } memory && dirs.TryGetValue("memory", out var m))
        {
            // memsw must stay >= limit_in_bytes at every step: open it, set the limit, close it to the same figure.
            var swap = CgroupFiles.Write(m, "memory.memsw.limit_in_bytes", "-1");
            CgroupFiles.Write(m, "memory.limit_in_bytes", Number(memory));
            if (swap)
            {
                CgroupFiles.Write(m, "memory.memsw.limit_in_bytes", Number(memory));
            }

            kinds |= LimitKinds.Memory;
        }

        if (l.CpuPercent is { } cpu && dirs.TryGetValue("cpu", out var c))
        {
            CgroupFiles.Write(c, "cpu.cfs_period_us", Number(CpuQuota.Period));
            CgroupFiles.Write(c, "cpu.cfs_quota_us", Number(CpuQuota.Of(cpu)));
            kinds |= LimitKinds.Cpu;
        }

        if (l.Pids is { } pids && dirs.TryGetValue("pids", out var p))
        {
            CgroupFiles.Write(p, "pids.max", Number(pids));
            kinds |= LimitKinds.Pids;
        }

        Enforces = kinds;
    }

    public void Attach(int pid)
    {
        foreach (var dir in Directories)
        {
            CgroupFiles.Write(dir, "cgroup.procs", Number(pid));
        }
    }

    public bool Kill()
    {
        if (Directories.Count == 0)
        {
            return false;
        }

        var dir = dirs.GetValueOrDefault("pids") ?? Directories[0];
        for (var round = 0; round < KillRounds; round++)
        {
            var pids = CgroupFiles.Pids(dir);
            if (pids.Count == 0)
            {
                break;
            }

            foreach (var pid in pids)
            {
                VerifiedSignal.Send(pid, Signals.SIGKILL, q => CgroupFiles.Pids(dir).Contains(q));
            }
        }

        return true;
    }

    public bool? Populated => Directories.Count == 0 ? null : Directories.Any(d => CgroupFiles.Pids(d).Count > 0);

    /// memory.oom_control's `oom_kill` (kernels since 4.13); before that the failure count of the limit, which
    /// with an exit by SIGKILL is the kernel's OOM kill.
    public long OomKills
    {
        get
        {
            if (!dirs.TryGetValue("memory", out var m))
            {
                return 0;
            }

            var control = CgroupFiles.Read(m, "memory.oom_control") ?? "";
            return control.Contains("oom_kill ", StringComparison.Ordinal)
                ? CgroupFiles.Keyed(m, "memory.oom_control", "oom_kill")
                : long.TryParse(CgroupFiles.Read(m, "memory.failcnt")?.Trim(), out var failed) ? failed : 0;
        }
    }

    public long PidsRefused => dirs.TryGetValue("pids", out var p) ? CgroupFiles.Keyed(p, "pids.events", "max") : 0;

    public bool Remove()
    {
        var all = true;
        foreach (var dir in Directories)
        {
            all &= CgroupFiles.Remove(dir);
        }

        return all;
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
