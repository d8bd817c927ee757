using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Limits;

namespace Aurora.IntegrationTests.Adoption;

/// Issue 15: the cgroups of an adopted service are taken over with it, so its limits keep their kernel
/// enforcement, a kernel OOM kill is still read as `out_of_memory` (resource.exceeded by the cgroup), its stop
/// uses the group's kill, and `down` leaves no group behind.
public sealed class CgroupAdoptionTests
{
    // Waits for the file `go`, then leaks 5 MiB every 50 ms under a 64 MiB limit.
    private const string Config = """
        monitor: { sample_interval: 100ms }
        services:
          leak:
            command: ["python3", "-c", "import os, time\nwhile not os.path.exists('go'):\n    time.sleep(0.02)\nx = []\nwhile True:\n    x.append(bytearray(5 * 1024 * 1024))\n    time.sleep(0.05)"]
            limits: { memory: 64MiB }
            restart: { backoff: { initial: 200ms } }
        """;

    [Fact(Timeout = 120000)]
    public async Task An_adopted_service_keeps_its_cgroup_its_oom_reading_and_its_group_kill()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = DetachedProject.Create(Config);
        var cgroups = new ProjectCgroups(CgroupLayout.OfThisProcess(null), project.Project.Paths.ProjectId);
        Assert.SkipWhen(cgroups.Mode == CgroupMode.None, "no writable cgroup hierarchy on this host: limits are enforced by sampling, nothing to reattach");
        await project.UpAsync(ct);
        await project.WaitForEventsAsync(0, e => e.Type == EventTypes.ServiceStarted && e.Service == "leak", 1, ct);
        var before = await project.StatusAsync(ct);
        var pid = before.Services.Single().Pid!.Value;

        await project.KillDaemonAsync(ct);
        await project.UpAsync(ct);
        await project.WaitForEventsAsync(before.Seq, e => e.Type == EventTypes.ServiceAdopted, 1, ct);
        var group = cgroups.For("leak", ResourceLimits.None with { MemoryBytes = 64L << 20 });
        Assert.True(group.Contains(pid), $"pid {pid} is not in {string.Join(", ", group.Directories)}");

        var seq = await project.LastSeqAsync(ct);
        File.WriteAllText(Path.Combine(project.Project.Dir, "go"), "");
        var exceeded = (await project.WaitForEventsAsync(seq, e => e.Type == EventTypes.ResourceExceeded && e.Service == "leak", 1, ct)).Single();
        Assert.Equal(("memory", "cgroup", pid), (exceeded.Data.GetProperty("resource").GetString(),
            exceeded.Data.GetProperty("enforced_by").GetString(), exceeded.Data.GetProperty("pid").GetInt32()));
        var exited = (await project.WaitForEventsAsync(seq, e => e.Type == EventTypes.ServiceExited && e.Service == "leak", 1, ct)).Single();
        Assert.Equal("SIGKILL", exited.Data.GetProperty("signal").GetString());
        await project.WaitForEventsAsync(seq, e => e.Service == "leak" && e.Data.TryGetProperty("service", out var s)
            && s.GetProperty("last_cause").GetString() == "out_of_memory", 1, ct);

        var down = await project.Project.Cli(ct, "down");
        Assert.True(down.ExitCode == 0, down.Output);
        Assert.DoesNotContain(cgroups.Parents, Directory.Exists);
        Assert.Empty(project.Tagged());
    }
}
