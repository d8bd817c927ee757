using System.Collections.Immutable;
using System.Globalization;

namespace Aurora.Core.Limits;

/// The project's parent group, `aurora-<projectid>`, under the daemon's own cgroup in each hierarchy, and a group
/// per service below it (named as the service). On a pure v2 host the daemon must not stay in a group whose
/// children have controllers ("no internal processes"): it moves into the leaf `<parent>/_daemon` (a name no
/// service can have) and goes back where it was when the project is torn down. On v1 and hybrid hosts the daemon
/// stays where it is: it is never in a service's group.
public sealed class ProjectCgroups
{
    public const string DaemonLeaf = "_daemon";

    private readonly CgroupLayout _layout;
    private readonly string _name;
    private readonly string? _ownV2;
    private bool _movedDaemon;
    private IReadOnlyList<string> _enabled = [];

    public ProjectCgroups(CgroupLayout layout, string projectId)
    {
        _layout = layout;
        _name = "aurora-" + projectId;
        _ownV2 = layout.Unified is { } mount ? CgroupLayout.Join(mount, layout.UnifiedOwn) : null;
        V2Parent = layout.Unified is { } unified ? CgroupLayout.Join(unified, layout.UnifiedOwn, _name) : null;
        V1Parents = layout.Controllers.ToImmutableDictionary(c => c.Key,
            c => CgroupLayout.Join(c.Value, layout.ControllersOwn.GetValueOrDefault(c.Key, "/"), _name));
        Mode = layout.Mode;
    }

    /// The mode in use: the layout's, or None once Prepare found the groups cannot be made.
    public CgroupMode Mode { get; private set; }

    public string? V2Parent { get; }

    public ImmutableDictionary<string, string> V1Parents { get; }

    /// Every parent directory.
    public IEnumerable<string> Parents => V1Parents.Values.Distinct().Prepend(V2Parent).OfType<string>();

    /// Creates the parents (pure v2: moves the daemon into its leaf and enables the controllers). Returns null, or
    /// why not (the mode is then None: limits by sampling). Called once, before the first service starts.
    public string? Prepare()
    {
        if (Mode == CgroupMode.None)
        {
            return null;
        }

        try
        {
            foreach (var parent in Parents)
            {
                Directory.CreateDirectory(parent);
            }

            if (Mode == CgroupMode.V2)
            {
                EnableControllers();
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Mode = CgroupMode.None;
            TryRemoveParents();
            return ex.Message;
        }
    }

    /// The v2 controllers (of memory, cpu, pids) offered to the daemon's own group, switched on for the parent's
    /// children. The daemon leaves its own group first when that group is not the root, which has no such rule.
    private void EnableControllers()
    {
        var offered = (CgroupFiles.Read(_ownV2!, "cgroup.controllers") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var wanted = CgroupLayout.Used.Where(offered.Contains).Select(c => "+" + c).ToList();
        if (wanted.Count == 0)
        {
            throw new IOException($"{_ownV2}/cgroup.controllers offers none of memory, cpu, pids to Aurora's group (not delegated)");
        }

        _enabled = [.. wanted.Select(c => c[1..])];
        if (_layout.UnifiedOwn.Trim('/').Length > 0)
        {
            var leaf = Path.Combine(V2Parent!, DaemonLeaf);
            Directory.CreateDirectory(leaf);
            CgroupFiles.Write(leaf, "cgroup.procs", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            _movedDaemon = true;
            CgroupFiles.Write(_ownV2!, "cgroup.subtree_control", string.Join(' ', wanted));
        }

        CgroupFiles.Write(V2Parent!, "cgroup.subtree_control", string.Join(' ', wanted));
    }

    /// The service's groups (not created yet). With `limits`, a v1 cpu group only when it has a CPU limit: a v1 cpu
    /// group is weighed against each task of its parent (cpu.shares), so a service in one without a quota would get
    /// less CPU under contention than it had outside. Without `limits` (finding, sweeping): every group it may have.
    public ServiceCgroup For(string service, Config.ResourceLimits? limits = null)
    {
        var groups = ImmutableArray.CreateBuilder<ICgroup>();
        var v2Parent = Mode is CgroupMode.V2 or CgroupMode.Hybrid ? V2Parent : null;
        var unified = v2Parent is not null;
        if (v2Parent is not null)
        {
            groups.Add(new CgroupV2(Path.Combine(v2Parent, service), limits: Mode == CgroupMode.V2));
        }

        if (Mode is CgroupMode.Hybrid or CgroupMode.V1)
        {
            groups.Add(new CgroupV1(V1Parents.Where(p => limits is null || NeedsV1(p.Key, limits, unified))
                .ToImmutableDictionary(p => p.Key, p => Path.Combine(p.Value, service))));
        }

        return new ServiceCgroup(service, groups.ToImmutable());
    }

    /// A v1 controller's group is made only for the limit it enforces: a group in every hierarchy at every spawn was most
    /// of the daemon's CPU in a cold start (1,000 services: about 4.1 s with them, 2.7 s without, on a hybrid host).
    /// Without a unified hierarchy (a v1-only host) the v1 groups are what holds the tree together for the stop, so
    /// they are made as before (cpu only for a CPU limit).
    private static bool NeedsV1(string controller, Config.ResourceLimits limits, bool unified) => controller switch
    {
        "cpu" => limits.CpuPercent is not null,
        "memory" => !unified || limits.MemoryBytes is not null,
        "pids" => !unified || limits.Pids is not null,
        _ => !unified,
    };

    /// The directories of a service's groups that exist now: how a restarted daemon finds a group it kept.
    public IReadOnlyList<string> Find(string service) =>
        [.. For(service).Directories.Where(Directory.Exists)];

    /// The service groups under the parents (by name), whether or not they still hold processes.
    public IReadOnlyList<string> ServiceNames() =>
        [.. Parents.Where(Directory.Exists).SelectMany(Directory.EnumerateDirectories).Select(Path.GetFileName).OfType<string>()
            .Where(n => n != DaemonLeaf).Distinct().Order(StringComparer.Ordinal)];

    /// Removes the groups of services no process is left in (those a crashed daemon kept, once their processes
    /// are gone). Groups still holding processes stay.
    public void Sweep()
    {
        foreach (var service in ServiceNames())
        {
            var group = For(service);
            if (group.Populated != true)
            {
                group.Remove();
            }
        }
    }

    /// `down`: the empty service groups, the daemon's leaf (the daemon back where it came from) and the parents.
    public void Teardown()
    {
        if (Mode == CgroupMode.None)
        {
            return;
        }

        Sweep();
        if (_movedDaemon)
        {
            // Back into a group whose children then have no controllers: switched off below, then in its own group.
            try
            {
                var off = string.Join(' ', _enabled.Select(c => "-" + c));
                CgroupFiles.Write(V2Parent!, "cgroup.subtree_control", off);
                CgroupFiles.Write(_ownV2!, "cgroup.subtree_control", off);
                CgroupFiles.Write(_ownV2!, "cgroup.procs", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                _movedDaemon = false;
            }
            catch (IOException)
            {
                // Another group under the daemon's own still uses a controller: the leaf stays, with the daemon,
                // until it exits (the parent goes with the next `up`'s sweep).
            }
        }

        TryRemoveParents();
    }

    private void TryRemoveParents()
    {
        if (!_movedDaemon && V2Parent is not null)
        {
            CgroupFiles.Remove(Path.Combine(V2Parent, DaemonLeaf));
        }

        foreach (var parent in Parents)
        {
            CgroupFiles.Remove(parent);
        }
    }
}
