using System.Collections.Immutable;

namespace Aurora.Core.Limits;

/// Where the cgroup file systems are and where this process sits in them, read from /proc/self/mountinfo and
/// /proc/self/cgroup. Unified is the v2 mount (null when there is none usable); Controllers maps each v1
/// controller Aurora uses (memory, cpu, pids) to its hierarchy's mount point. The Own paths are this process's
/// cgroup relative to each mount: the project's parent is created under them (a delegated subtree stays
/// delegated, and the limits of whatever contains the daemon still contain its services).
public sealed record CgroupLayout(
    CgroupMode Mode,
    string? Unified,
    string UnifiedOwn,
    ImmutableDictionary<string, string> Controllers,
    ImmutableDictionary<string, string> ControllersOwn)
{
    /// The v1 controllers that carry limits.
    public static readonly ImmutableArray<string> Used = ["memory", "cpu", "pids"];

    public static readonly CgroupLayout None = new(CgroupMode.None, null, "/", ImmutableDictionary<string, string>.Empty,
        ImmutableDictionary<string, string>.Empty);

    /// The layout as this process sees it. setting: `AURORA_CGROUPS` — "off" (sampling only), "v1" (leave the
    /// v2 mount alone: the v1-only path), anything else or unset: use what is there.
    public static CgroupLayout OfThisProcess(string? setting)
    {
        if (string.Equals(setting, "off", StringComparison.OrdinalIgnoreCase))
        {
            return None;
        }

        try
        {
            return Detect(File.ReadAllText("/proc/self/mountinfo"), File.ReadAllText("/proc/self/cgroup"),
                ignoreUnified: string.Equals(setting, "v1", StringComparison.OrdinalIgnoreCase));
        }
        catch (IOException)
        {
            return None;
        }
        catch (UnauthorizedAccessException)
        {
            return None;
        }
    }

    /// Pure: the layout from the two files' text. Read-only mounts do not count (a container's usual
    /// /sys/fs/cgroup): nothing could be created there.
    public static CgroupLayout Detect(string mountinfo, string selfCgroup, bool ignoreUnified = false)
    {
        var mounts = MountInfo.Parse(mountinfo).Where(m => !m.ReadOnly).ToList();
        var own = OwnPaths(selfCgroup);
        var v2 = ignoreUnified ? null : mounts.Where(m => m.FsType == "cgroup2")
            .OrderBy(m => m.MountPoint == "/sys/fs/cgroup" ? 0 : m.MountPoint == "/sys/fs/cgroup/unified" ? 1 : 2).FirstOrDefault();
        var controllers = ImmutableDictionary.CreateBuilder<string, string>();
        var controllersOwn = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var m in mounts.Where(m => m.FsType == "cgroup"))
        {
            foreach (var c in m.SuperOptions.Where(Used.Contains).Where(c => !controllers.ContainsKey(c)))
            {
                controllers[c] = m.MountPoint;
                controllersOwn[c] = Relative(own.GetValueOrDefault(c, "/"), m.Root);
            }
        }

        var mode = (v2, controllers.Count) switch
        {
            (not null, 0) => CgroupMode.V2,
            (not null, _) => CgroupMode.Hybrid,
            (null, > 0) => CgroupMode.V1,
            _ => CgroupMode.None,
        };
        return new CgroupLayout(mode, v2?.MountPoint, v2 is null ? "/" : Relative(own.GetValueOrDefault("", "/"), v2.Root),
            controllers.ToImmutable(), controllersOwn.ToImmutable());
    }

    /// /proc/self/cgroup: "0::/path" for v2 (key ""), "4:memory:/path" or "3:cpu,cpuacct:/path" for v1.
    private static Dictionary<string, string> OwnPaths(string selfCgroup)
    {
        var own = new Dictionary<string, string>();
        foreach (var line in selfCgroup.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3)
            {
                continue;
            }

            foreach (var controller in parts[1].Split(','))
            {
                own[controller] = parts[2];
            }
        }

        return own;
    }

    /// A path seen in /proc/self/cgroup, relative to a mount whose root is `root` (a cgroup namespace or a bind
    /// mount of a subtree). A path outside the mount's root (the process is not under it) is its root.
    private static string Relative(string path, string root)
    {
        if (root is "/" or "")
        {
            return path;
        }

        return path == root ? "/" : path.StartsWith(root + "/", StringComparison.Ordinal) ? path[root.Length..] : "/";
    }

    /// A directory under a mount: the mount point, the own path, then the names.
    public static string Join(string mount, string own, params string[] names) =>
        Path.Join([mount, own.Trim('/'), .. names]).TrimEnd('/');
}
