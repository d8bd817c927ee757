using System.Collections.Immutable;
using System.Globalization;
using Aurora.Core.Config;
using Aurora.Core.Limits;
using Aurora.Core.Processes;
using Aurora.IntegrationTests.Processes;

namespace Aurora.IntegrationTests.Limits;

/// A service whose command put itself into a cgroup of its own (cgexec, systemd-run --scope, `echo $$ >
/// cgroup.procs`) before Aurora placed it stays there: Aurora's attach must not undo the user's placement (the
/// diagnosis corpus's kernel-oom-once lost its 64 MiB limit that way). One that did not move is placed as before.
/// Real cgroups: needs root and a writable v1 memory hierarchy (hybrid or v1 host; a pure v2 host would move this
/// test process into a leaf of its own).
public sealed class SelfPlacementTests
{
    [Fact(Timeout = 60000)]
    public async Task A_process_that_moved_itself_is_left_where_it_went_and_one_that_did_not_is_placed()
    {
        var layout = CgroupLayout.OfThisProcess(null);
        Assert.SkipWhen(Environment.UserName != "root", "needs root to make cgroups");
        Assert.SkipUnless(layout.Mode is CgroupMode.Hybrid or CgroupMode.V1 && layout.Controllers.ContainsKey("memory"),
            $"needs a v1 memory hierarchy (this host: {layout.Mode})");

        var id = "selfplace" + Guid.NewGuid().ToString("N")[..8];
        var chosen = CgroupLayout.Join(layout.Controllers["memory"], layout.ControllersOwn["memory"], "user-" + id);
        Directory.CreateDirectory(chosen);
        var logs = new List<string>();
        var limits = new CgroupLimits(new ProjectCgroups(layout, id), TimeProvider.System, line => { lock (logs) { logs.Add(line); } });
        limits.Prepare();
        var launcher = new PosixProcessLauncher();
        var mover = launcher.Start(new ProcessSpec(["sleep", "1000"], "/", TestChild.BaseEnvironment));
        var stayer = launcher.Start(new ProcessSpec(["sleep", "1000"], "/", TestChild.BaseEnvironment));
        try
        {
            // What `echo $$ > …/cgroup.procs && exec …` does before the attach.
            File.WriteAllText(Path.Combine(chosen, "cgroup.procs"), mover.Pid.ToString(CultureInfo.InvariantCulture));

            var kept = limits.Attach(Service("app"), mover);
            Assert.Same(mover, kept);
            Assert.Contains(mover.Pid, Procs(chosen));
            Assert.Equal(LimitKinds.None, limits.KernelEnforces("app"));
            Assert.Contains(logs, l => l.Contains("app put itself into the cgroup memory:", StringComparison.Ordinal) && l.Contains("user-" + id, StringComparison.Ordinal));

            var placed = limits.Attach(Service("other") with { Limits = ResourceLimits.None with { MemoryBytes = 64L << 20 } }, stayer);
            Assert.IsType<CgroupProcess>(placed);
            Assert.Equal(LimitKinds.Memory, limits.KernelEnforces("other") & LimitKinds.Memory);
            var memoryGroup = new ProjectCgroups(layout, id).For("other").Directories.Single(d => d.StartsWith(layout.Controllers["memory"], StringComparison.Ordinal));
            Assert.Contains(stayer.Pid, Procs(memoryGroup));
        }
        finally
        {
            await mover.StopAsync(Signals.SIGKILL, TimeSpan.Zero, CancellationToken.None).DefaultTimeout();
            await stayer.StopAsync(Signals.SIGKILL, TimeSpan.Zero, CancellationToken.None).DefaultTimeout();
            limits.Teardown();
            Directory.Delete(chosen);
        }
    }

    private static ServiceConfig Service(string name) =>
        new(name, ["sleep", "1000"], false, "/", ImmutableSortedDictionary<string, string>.Empty, null, [], [], null, RestartConfig.Default,
            StopConfig.Default, ResourceLimits.None, LogConfig.Default, DependencyFailureAction.Stop, [], []);

    private static List<int> Procs(string dir) =>
        [.. File.ReadAllText(Path.Combine(dir, "cgroup.procs")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
}
