using System.Net.Http.Json;
using Aurora.Cli.Client;
using Aurora.Contracts.V1;
using Aurora.Core.Events;
using Aurora.Core.Processes;
using Aurora.Daemon.Hosting;
using Aurora.IntegrationTests.TestSupport;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Daemon;

public class DaemonTests
{
    private const string SleepService = """
        version: 1
        services:
          sleeper:
            command: ["sleep", "1000"]
            env: { API_TOKEN: "tok-123456", DB_PASSWORD: "hunter22", PLAIN: "visible" }
            restart: { policy: always, backoff: { initial: 0s } }
        """;

    [Fact(Timeout = 60000)]
    public async Task Control_socket_is_private_to_its_user()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(SleepService);
        await using var daemon = await project.StartDaemonAsync();
        var mode = File.GetUnixFileMode(project.Paths.Socket);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(project.Paths.Token));
    }

    [Fact(Timeout = 60000)]
    public async Task Secrets_are_redacted_in_api_output()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(SleepService);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "sleeper");
        using var client = new ControlClient(project.Paths);
        var raw = await client.GetRawAsync("/api/v1/services/sleeper", ct);
        var detail = System.Text.Json.JsonSerializer.Deserialize(raw, AuroraJsonContext.Default.ServiceDetailDto)!;
        Assert.Equal("***", detail.Env["API_TOKEN"]);
        Assert.Equal("***", detail.Env["DB_PASSWORD"]);
        Assert.Equal("visible", detail.Env["PLAIN"]);
        Assert.DoesNotContain("tok-123456", raw);
        Assert.DoesNotContain("hunter22", raw);
        var status = await client.GetRawAsync("/api/v1/services", ct);
        Assert.DoesNotContain("hunter22", status);
    }

    [Fact(Timeout = 60000)]
    public async Task Killed_service_is_restarted_with_a_new_pid()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(SleepService);
        await using var daemon = await project.StartDaemonAsync();
        var started = await daemon.WaitForEvent(EventTypes.ServiceStarted, "sleeper");
        var pid = started.Data.GetProperty("pid").GetInt32();

        var exited = daemon.WaitForEvent(EventTypes.ServiceExited, "sleeper");
        var restarted = daemon.WaitForEvent(EventTypes.ServiceStarted, "sleeper", e => e.Data.GetProperty("pid").GetInt32() != pid);
        Assert.Equal(0, Os.Kill(pid, Signals.SIGKILL));
        var exit = await exited;
        Assert.Equal("SIGKILL", exit.Data.GetProperty("signal").GetString());
        var again = await restarted;
        Assert.True(ProcessTable.Exists(again.Data.GetProperty("pid").GetInt32()));
        Assert.False(ProcessTable.Exists(pid));
        Assert.Equal(1, daemon.Runtime.Orchestrator.Find("sleeper")!.Snapshot.Restarts);
    }

    [Fact(Timeout = 60000)]
    public async Task Crashing_service_is_quarantined_after_its_restart_limit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            services:
              crasher:
                command: ["sh", "-c", "echo boom; exit 3"]
                restart: { policy: on-failure, backoff: { initial: 10ms, max: 20ms }, limit: { count: 3, within: 1m } }
            """);
        await using var daemon = await project.StartDaemonAsync();
        var failed = await daemon.WaitForEvent(EventTypes.ServiceFailed, "crasher");
        Assert.Equal("crash_loop", failed.Data.GetProperty("cause").GetString());
        var starts = (await daemon.Runtime.Events.Store.ReadAfterAsync(daemon.Runtime.BootSeq, 10_000, CancellationToken.None))
            .Count(e => e.Type == EventTypes.ServiceStarted && e.Service == "crasher");
        Assert.Equal(4, starts);
        Assert.Equal("failed", (await StatusOf(project, "crasher", ct)).State);

        // Stays down; a manual start lifts the quarantine.
        using var client = new ControlClient(project.Paths);
        var restartedByHand = daemon.WaitForEvent(e => e.Type == EventTypes.ServiceStarted && e.Service == "crasher" && e.Seq > failed.Seq);
        await client.PostAsync("/api/v1/services/crasher/start", AuroraJsonContext.Default.ServiceDto, ct);
        await restartedByHand;
    }

    [Fact(Timeout = 60000)]
    public async Task Stop_takes_down_the_whole_tree_including_grandchildren_and_sigterm_ignorers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            services:
              tree:
                command: ["sh", "-c", "trap '' TERM; sleep 1000 & a=$!; sleep 1000 & b=$!; (setsid sleep 1000 & echo $! > gc.pid); echo ready $$$$ $$a $$b $(cat gc.pid); wait"]
                stop: { signal: SIGTERM, timeout: 300ms }
            """);
        await using var daemon = await project.StartDaemonAsync();
        var started = await daemon.WaitForEvent(EventTypes.ServiceStarted, "tree");
        var pid = started.Data.GetProperty("pid").GetInt32();
        var ready = await daemon.WaitForLogLine("tree", "ready ", prefix: true);
        var family = ready.Split(' ')[1..].Select(int.Parse).ToList();
        Assert.Equal(4, family.Count);
        var tag = $"{new DaemonPaths(project.Dir).ProjectId}/tree";
        // A background `sleep` may be mid-execve when "ready" is printed, and /proc/PID/environ reads empty
        // while its memory is being replaced: each pid gets until the deadline to show its tag.
        var since = TimeProvider.System.GetTimestamp();
        foreach (var p in family)
        {
            while (!ProcessTable.HasTag(p, tag) && TimeProvider.System.GetElapsedTime(since) < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, ct);
            }

            Assert.True(ProcessTable.HasTag(p, tag), $"pid {p} is not tagged");
        }

        using var client = new ControlClient(project.Paths);
        var row = await client.PostAsync("/api/v1/services/tree/stop", AuroraJsonContext.Default.ServiceDto, ct);
        Assert.Equal("stopped", row.State);
        Assert.All(family, p => Assert.False(ProcessTable.Exists(p) && ProcessTable.Read(p) is { IsZombie: false }, $"pid {p} survived"));

        // The shell ignores SIGTERM: the stop ended with the kill after the 300 ms grace (not a wait for it to leave).
        Assert.Equal("SIGKILL", row.LastExit?.Signal);
        Assert.Contains(pid, family);
    }

    [Fact(Timeout = 60000)]
    public async Task Second_daemon_for_the_same_project_is_refused_and_the_first_is_untouched()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(SleepService);
        await using var daemon = await project.StartDaemonAsync();
        var started = await daemon.WaitForEvent(EventTypes.ServiceStarted, "sleeper");

        var second = await project.Cli(ct, "up", "-d");
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already running", second.Output);

        using var client = new ControlClient(project.Paths);
        var health = await client.GetAsync("/healthz", AuroraJsonContext.Default.HealthzDto, ct);
        Assert.Equal(Environment.ProcessId, health.Pid);
        Assert.Equal(started.Data.GetProperty("pid").GetInt32(), (await StatusOf(project, "sleeper", ct)).Pid);
        Assert.Throws<DaemonAlreadyRunningException>(() => DaemonLock.Acquire(project.Paths));
    }

    private static async Task<ServiceDto> StatusOf(TestProject project, string name, CancellationToken ct = default)
    {
        using var client = new ControlClient(project.Paths);
        var list = await client.GetAsync("/api/v1/services", AuroraJsonContext.Default.ServiceListDto, ct);
        return list.Services.Single(s => s.Name == name);
    }
}
