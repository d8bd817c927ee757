using System.Collections.Concurrent;
using System.Globalization;
using Aurora.Core.Config;
using Aurora.Core.Processes;

namespace Aurora.Core.Limits;

/// The daemon's cgroups: the project's parent made once (Prepare), a group per service made at each spawn and
/// removed when its processes are gone, everything left removed at `down` (Teardown). A group that cannot be
/// made leaves that service to the sampler, said once in the daemon's log.
///
/// The window between spawn and attach: posix_spawn returns once the child has exec'd, so the program runs for
/// the few microseconds until its pid is written to cgroup.procs, in the daemon's own groups. Whatever it forks
/// in that window is moved too (its descendants are walked right after the attach); only a process forked
/// between that walk and its own attach could stay behind, and it still carries the service's AURORA_TAG, so the
/// stop finds and kills it. clone3(CLONE_INTO_CGROUP) would close the window on v2 but not for the v1
/// controllers of a hybrid host, and posix_spawn has no way to ask for it. A process that moved itself into a
/// cgroup of its choosing in that window (SelfPlacement) is left where it put itself.
public sealed class CgroupLimits(ProjectCgroups project, TimeProvider time, Action<string> log) : IServiceLimits
{
    private readonly ConcurrentDictionary<string, ServiceCgroup> _groups = new();
    private readonly ConcurrentDictionary<string, LimitKinds> _enforces = new();
    private readonly ConcurrentDictionary<string, byte> _placedThemselves = new();
    private int _failuresLogged;

    public ProjectCgroups Project => project;

    /// Makes the project's parent groups; says in the log which path the limits take.
    public void Prepare()
    {
        var parents = string.Join(", ", project.Parents);
        if (project.Mode == CgroupMode.None)
        {
            log("aurora: limits: no writable cgroup hierarchy (or AURORA_CGROUPS=off): limits are enforced by sampling");
            return;
        }

        if (project.Prepare() is { } problem)
        {
            log($"aurora: limits: cannot create the project's cgroups ({parents}): {problem}; limits are enforced by sampling");
            return;
        }

        project.Sweep();
        log($"aurora: limits: cgroup {project.Mode.ToString().ToLowerInvariant()} under {parents}");
    }

    public IRunningProcess Attach(ServiceConfig config, IRunningProcess process)
    {
        _enforces[config.Name] = LimitKinds.None;
        if (project.Mode == CgroupMode.None)
        {
            return process;
        }

        var group = project.For(config.Name, config.Limits);
        try
        {
            group.Create(config.Limits);

            // A process that put itself into a cgroup of its own since the spawn stays there: moving it would undo the
            // user's placement (and the limits of the group it chose). Read right before the write, after the groups
            // are made, so that a move made while they were being made is seen too.
            if (SelfPlacement.ParentOf(process.Pid) is { } spawner && SelfPlacement.Moved(process.Pid, spawner) is { } chosen)
            {
                if (_placedThemselves.TryAdd(config.Name, 0))
                {
                    log($"aurora: limits: {config.Name} put itself into the cgroup {chosen}; it is left there, its limits are enforced by sampling (said once)");
                }

                group.Remove();
                return process;
            }

            group.Attach(process.Pid);
            AttachForked(process.Pid, group);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (Interlocked.Exchange(ref _failuresLogged, 1) == 0)
            {
                log($"aurora: limits: cannot put {config.Name} into its cgroup ({ex.Message}); its limits are enforced by sampling (further failures are not logged)");
            }

            group.Remove();
            return process;
        }

        _groups[config.Name] = group;
        _enforces[config.Name] = group.Enforces;
        return new CgroupProcess(process, group, config.Limits.MemoryBytes, time);
    }

    /// The groups an earlier daemon made for the service were kept (Prepare's sweep leaves groups that hold
    /// processes): taken over with the config's limits written again (unchanged: a process whose limits changed is
    /// restarted, its fingerprint differing). Without them, or for a process already gone, nothing to reattach: a live process in
    /// no group is attached as at a spawn.
    public IRunningProcess Reattach(ServiceConfig config, IRunningProcess process)
    {
        _enforces[config.Name] = LimitKinds.None;
        if (project.Mode == CgroupMode.None)
        {
            return process;
        }

        var group = project.For(config.Name, config.Limits);
        if (group.Directories.All(Directory.Exists) && group.Contains(process.Pid))
        {
            try
            {
                // The same limits written again: what the kernel enforces is known only from what was written.
                group.Create(config.Limits);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                log($"aurora: limits: cannot take over {config.Name}'s cgroup ({ex.Message}); its limits are enforced by sampling");
                return process;
            }

            _groups[config.Name] = group;
            _enforces[config.Name] = group.Enforces;
            return new CgroupProcess(process, group, config.Limits.MemoryBytes, time);
        }

        return process.Exited.IsCompleted ? process : Attach(config, process);
    }

    public LimitKinds KernelEnforces(string service) => _enforces.GetValueOrDefault(service);

    public long PidsRefused(string service) => _groups.TryGetValue(service, out var g) ? g.PidsRefused : 0;

    /// The directories of a service's groups that exist now (for a restarted daemon taking its services over).
    public IReadOnlyList<string> Find(string service) => project.Find(service);

    /// `down`: what is left under the project's parents, and the parents.
    public void Teardown() => project.Teardown();

    /// Descendants forked before the attach: moved into the group too (see the class comment).
    private static void AttachForked(int pid, ServiceCgroup group)
    {
        var pending = new Stack<int>(Children(pid));
        for (var moved = 0; moved < 10_000 && pending.TryPop(out var child); moved++)
        {
            try
            {
                group.Attach(child);
            }
            catch (IOException)
            {
                continue; // gone meanwhile
            }

            foreach (var grandchild in Children(child))
            {
                pending.Push(grandchild);
            }
        }
    }

    private static IEnumerable<int> Children(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (IOException)
        {
            yield break;
        }

        foreach (var task in tasks)
        {
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(task, "children"));
            }
            catch (IOException)
            {
                continue;
            }

            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var child))
                {
                    yield return child;
                }
            }
        }
    }
}
