using System.Globalization;
using Aurora.Core.Config;

namespace Aurora.Porting.Export.Systemd;

/// `limits` as cgroup settings: memory as MemoryMax= (a kill over it, as Aurora's), pids as TasksMax=, CPU as
/// CPUQuota= (percent of one core, as Aurora counts it), which throttles at the limit rather than watching it.
internal static class SystemdLimits
{
    public static IEnumerable<string> Lines(ServiceConfig s, OmissionList omissions)
    {
        if (s.Limits.MemoryBytes is { } memory)
        {
            yield return $"MemoryMax={memory.ToString(CultureInfo.InvariantCulture)}";
        }

        if (s.Limits.CpuPercent is { } cpu)
        {
            yield return $"CPUQuota={Math.Max(1, (int)Math.Round(cpu)).ToString(CultureInfo.InvariantCulture)}%";
            omissions.Add(s.Name, "limits.for", "CPUQuota= throttles the service at its limit; nothing watches for limits.for and warns");
        }

        if (s.Limits.Pids is { } pids)
        {
            yield return $"TasksMax={pids.ToString(CultureInfo.InvariantCulture)}";
        }
    }
}
