using System.Collections.Immutable;
using Aurora.Core.Config;

namespace Aurora.Core.Limits;

/// A service's groups: on a hybrid host its v2 group (cgroup.kill, cgroup.events) and its v1 groups (the
/// limits); on a pure v2 host one group for all; on a v1 host the v1 groups. The v2 group comes first, so its
/// cgroup.kill is the one used.
public sealed class ServiceCgroup(string service, ImmutableArray<ICgroup> groups)
{
    public string Service => service;

    public IReadOnlyList<string> Directories => [.. groups.SelectMany(g => g.Directories)];

    public LimitKinds Enforces => groups.Aggregate(LimitKinds.None, (all, g) => all | g.Enforces);

    /// Creates the groups and writes the limits.
    public void Create(ResourceLimits limits)
    {
        foreach (var g in groups)
        {
            g.Create();
            g.Apply(limits);
        }
    }

    public void Attach(int pid)
    {
        foreach (var g in groups)
        {
            g.Attach(pid);
        }
    }

    /// The process is in every one of the groups (cgroup.procs lists it).
    public bool Contains(int pid) => Directories.Count > 0 && Directories.All(d => CgroupFiles.Pids(d).Contains(pid));

    /// SIGKILL of the whole group, by the first version that can; false when none could.
    public bool Kill() => groups.Any(g => g.Kill());

    public bool? Populated => groups.Select(g => g.Populated).FirstOrDefault(p => p is not null);

    public long OomKills => groups.Sum(g => g.OomKills);

    public long PidsRefused => groups.Sum(g => g.PidsRefused);

    /// Removes the groups once no process is left in them; false when one still holds processes.
    public bool Remove() => groups.Aggregate(true, (all, g) => g.Remove() && all);
}
