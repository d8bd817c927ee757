using System.Collections.Immutable;
using System.Text.Json;
using Aurora.Contracts.V1;
using Aurora.Core.Limits;
using Aurora.IntegrationTests.Daemon;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Limits;

/// `limits:` enforced for real, by a real `aurora up -d` daemon, on every path this host has: its own layout
/// (hybrid here: v2 at /sys/fs/cgroup/unified for cgroup.kill, v1 memory/cpu/pids for the limits), the v1-only
/// path (AURORA_CGROUPS=v1) and sampling (AURORA_CGROUPS=off). A python program leaking 5 MiB every 50 ms under
/// 64 MiB is killed (out_of_memory) and restarted; a python fork loop (one sleeper every 20 ms, up to 200) under
/// `pids: 20` never has more than 20 processes under a cgroup and is killed within the sampling slack without
/// one; nothing is left of the project's groups after `down`; the daemon is never in a service's group.
public class LimitsTests
{
    /// The sampler ticks every 100 ms and the loop forks one sleeper every 20 ms: five forks a tick, doubled for
    /// a tick that comes late on a loaded machine, plus the tick's own read.
    private const int SamplingSlack = 12;

    private const string Config = """
        monitor: { sample_interval: 100ms }
        services:
          leak:
            command: ["python3", "-c", "import time\nx = []\nwhile True:\n    x.append(bytearray(5 * 1024 * 1024))\n    time.sleep(0.05)"]
            limits: { memory: 64MiB }
            restart: { backoff: { initial: 200ms } }
          forker:
            command: ["python3", "-u", "-c", "import os, time\nn = 0\nwhile n < 200:\n    time.sleep(0.02)\n    try:\n        if os.fork() == 0:\n            time.sleep(1000)\n            os._exit(0)\n        n += 1\n        print('forked', n)\n    except OSError as e:\n        print('refused', e.errno)\ntime.sleep(1000)"]
            limits: { pids: 20 }
            restart: { policy: never }
        """;

    [Theory(Timeout = 120000)]
    [InlineData("auto", "cgroup")]
    [InlineData("v1", "cgroup")]
    [InlineData("off", "sampling")]
    public async Task A_leak_is_killed_and_restarted_a_fork_loop_is_held_and_down_leaves_no_group(string mode, string enforcedBy)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(Config);
        var env = ImmutableDictionary<string, string>.Empty.Add("AURORA_CGROUPS", mode);
        var up = await project.CliWith(env, ct, "up", "-d");
        Assert.True(up.ExitCode == 0, up.Output);
        var daemonPid = DaemonLock.RunningPid(project.Paths)!.Value;
        var cgroups = new ProjectCgroups(CgroupLayout.OfThisProcess(mode), project.Paths.ProjectId);
        Assert.Equal(mode == "off", cgroups.Mode == CgroupMode.None);

        var leak = await WaitForStatus(project, s => Row(s, "leak") is { Restarts: >= 1, LastCause: "out_of_memory" }, ct);
        var status = await WaitForStatus(project, s => Row(s, "forker") is { State: "running" or "exited" }, ct);
        Assert.Equal(64L << 20, Row(leak, "leak").Limits!.MemoryBytes);
        Assert.Equal(20, Row(status, "forker").Limits!.Pids);

        if (cgroups.Mode != CgroupMode.None)
        {
            // While it runs: the forker's pid in each of its groups, the daemon in none.
            var forker = Row(status, "forker");
            Assert.Equal("running", forker.State);
            var dirs = cgroups.For("forker", Aurora.Core.Config.ResourceLimits.None with { Pids = 20 }).Directories;
            Assert.NotEmpty(dirs);
            foreach (var dir in dirs)
            {
                var procs = File.ReadAllText(Path.Combine(dir, "cgroup.procs")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
                Assert.Contains(forker.Pid!.Value, procs);
                Assert.DoesNotContain(daemonPid, procs);
            }

            // Nor in any other group of the project (the leak's is there between its restarts).
            foreach (var dir in cgroups.ServiceNames().SelectMany(n => cgroups.For(n).Directories))
            {
                var procs = CgroupFile(dir);
                Assert.DoesNotContain(daemonPid.ToString(), procs);
            }
        }

        var exceeded = await WaitForExceeded(project, e => e.Service == "forker", ct);
        var pids = exceeded.Data.GetProperty("usage").GetInt64();
        Assert.Equal(enforcedBy, exceeded.Data.GetProperty("enforced_by").GetString());
        Assert.Equal(20, exceeded.Data.GetProperty("limit").GetInt64());
        if (enforcedBy == "cgroup")
        {
            // pids.max held it: the main process and at most 19 sleepers, the rest of the forks refused.
            var log = (await project.Cli(ct, "logs", "forker", "-n", "400")).Output;
            var forked = log.Split('\n').Where(l => l.StartsWith("forked ", StringComparison.Ordinal)).Select(l => int.Parse(l[7..].Trim())).ToList();
            Assert.True(forked.Max() <= 19, log);
            Assert.Contains("refused 11", log); // EAGAIN
            Assert.True(pids <= 20, $"{pids} processes");
        }
        else
        {
            Assert.InRange(pids, 21, 20 + SamplingSlack);
            await WaitForStatus(project, s => Row(s, "forker") is { State: "exited", LastExit.Signal: "SIGKILL" }, ct);
        }

        var memory = await WaitForExceeded(project, e => e.Service == "leak", ct);
        Assert.Equal("memory", memory.Data.GetProperty("resource").GetString());
        Assert.Equal(enforcedBy, memory.Data.GetProperty("enforced_by").GetString());
        Assert.Equal(64L << 20, memory.Data.GetProperty("limit").GetInt64());
        Assert.True(memory.Data.GetProperty("usage").GetInt64() >= 64L << 20);

        var down = await project.Cli(ct, "down");
        Assert.True(down.ExitCode == 0, down.Output);
        var left = cgroups.Parents.Where(Directory.Exists).ToList();
        Assert.True(left.Count == 0, "left after down: " + string.Join(", ", left));
    }

    /// The pids in a group's cgroup.procs; none when the group went meanwhile.
    private static string[] CgroupFile(string dir)
    {
        try
        {
            return File.ReadAllText(Path.Combine(dir, "cgroup.procs")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static ServiceDto Row(ServiceListDto list, string name) => list.Services.Single(s => s.Name == name);

    private static async Task<EventDto> WaitForExceeded(TestProject project, Func<EventDto, bool> match, CancellationToken ct)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var result = await project.Cli(ct, "events", "--json");
            var found = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonSerializer.Deserialize(l, AuroraJsonContext.Default.EventDto)!)
                .FirstOrDefault(e => e.Type == "resource.exceeded" && match(e));
            if (found is not null)
            {
                return found;
            }

            Assert.True(TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromSeconds(30), "no such resource.exceeded: " + result.Output);
        }
    }

    private static async Task<ServiceListDto> WaitForStatus(TestProject project, Func<ServiceListDto, bool> ready, CancellationToken ct)
    {
        // Asked of the CLI until the condition holds (bounded): the daemon is a separate process.
        var start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var result = await project.Cli(ct, "status", "--json");
            Assert.Equal(0, result.ExitCode);
            var list = JsonSerializer.Deserialize(result.Output, AuroraJsonContext.Default.ServiceListDto)!;
            if (ready(list))
            {
                return list;
            }

            Assert.True(TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromSeconds(30), "status never reached the expected state: " + result.Output);
        }
    }
}
