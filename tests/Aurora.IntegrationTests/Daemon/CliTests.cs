using System.Text.Json;
using Aurora.Contracts.V1;
using Aurora.Daemon.Hosting;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Daemon;

/// The real `aurora` binary against a real background daemon.
public class CliTests
{
    [Fact(Timeout = 60000)]
    public async Task Validate_reports_every_problem_with_its_position_and_exits_2()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            services:
              api:
                comand: ["python3"]
                restart: { backoff: { max: "-5s" } }
            """);
        var result = await project.Cli(ct, "validate");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("aurora.yaml:3:5: services.api.comand: unknown key", result.Output);
        Assert.Contains("aurora.yaml:4:32: services.api.restart.backoff.max: \"-5s\" is not a duration", result.Output);
    }

    [Fact(Timeout = 60000)]
    public async Task Commands_exit_3_when_no_daemon_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("services: { a: { command: [sleep, '100'] } }");
        var status = await project.Cli(ct, "status");
        Assert.Equal(3, status.ExitCode);
        Assert.Contains("no Aurora daemon is running", status.Output);
        Assert.Equal(3, (await project.Cli(ct, "stop", "a")).ExitCode);
        Assert.Equal(3, (await project.Cli(ct, "down")).ExitCode);
    }

    [Fact(Timeout = 90000)]
    public async Task Detached_daemon_serves_status_control_logs_and_goes_down_cleanly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            services:
              web:
                command: ["sh", "-c", "echo web says hello; exec sleep 1000"]
                env: { SECRET_KEY: "s3cr3t-value" }
              job:
                command: ["sh", "-c", "echo job ran"]
            """);
        var up = await project.Cli(ct, "up", "-d");
        Assert.True(up.ExitCode == 0, up.Output);
        var daemonPid = DaemonLock.RunningPid(project.Paths);
        Assert.NotNull(daemonPid);

        var status = await WaitForStatus(project, s => s.Services.Any(x => x.Name == "web" && x.State == "running")
            && s.Services.Any(x => x.Name == "job" && x.State == "exited"), ct);
        var web = status.Services.Single(s => s.Name == "web");
        Assert.NotNull(web.Pid);

        var table = await project.Cli(ct, "status");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("web", table.Output);
        Assert.Contains("running", table.Output);

        var logs = await project.Cli(ct, "logs", "web", "-n", "5");
        Assert.Contains("web says hello", logs.Output);

        var restart = await project.Cli(ct, "restart", "web");
        Assert.Equal(0, restart.ExitCode);
        var after = await WaitForStatus(project, s => s.Services.Single(x => x.Name == "web") is { State: "running", Pid: { } p } && p != web.Pid, ct);
        Assert.NotEqual(web.Pid, after.Services.Single(x => x.Name == "web").Pid);

        var unknown = await project.Cli(ct, "stop", "nope");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no service named 'nope'", unknown.Output);

        var down = await project.Cli(ct, "down");
        Assert.Equal(0, down.ExitCode);
        Assert.Null(DaemonLock.RunningPid(project.Paths));
        Assert.False(Aurora.Core.Processes.ProcessTable.Exists(after.Services.Single(x => x.Name == "web").Pid!.Value));
        Assert.False(File.Exists(project.Paths.Socket));
        Assert.Equal(3, (await project.Cli(ct, "status")).ExitCode);
    }

    [Fact(Timeout = 90000)]
    public async Task Rotated_logs_keep_every_one_of_200k_lines_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            services:
              chatty:
                command: ["python3", "-c", "import sys\nfor i in range(200000): sys.stdout.write(f'line {i:06d}\\n')\nprint('done', flush=True)"]
                restart: { policy: never }
                logs: { max_size: 256KiB, keep: 100 }
            """);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(Aurora.Core.Events.EventTypes.ServiceExited, "chatty");
        await daemon.WaitForLogLine("chatty", "done");

        var dir = project.Paths.Logs;
        var rotated = Directory.GetFiles(dir, "chatty.log.*").Where(f => char.IsDigit(f[^1]))
            .OrderByDescending(f => int.Parse(f[(f.LastIndexOf('.') + 1)..])).ToList();
        var lines = rotated.Append(Path.Combine(dir, "chatty.log")).SelectMany(File.ReadLines)
            .Where(l => l.StartsWith("line ", StringComparison.Ordinal)).ToList();
        Assert.True(rotated.Count > 5, $"only {rotated.Count} rotations");
        Assert.Equal(200_000, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal($"line {i:000000}", lines[i]);
        }
    }

    private static async Task<ServiceListDto> WaitForStatus(TestProject project, Func<ServiceListDto, bool> ready, CancellationToken ct = default)
    {
        // The CLI is the thing under test here, so this asks it until the condition holds (bounded).
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

    [Fact(Timeout = 60000)]
    public async Task Daemon_only_runtime_settings_are_not_passed_on_to_services()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            services:
              envdump:
                command: ["sh", "-c", "env > env.tmp && mv env.tmp env.txt; exec sleep 1000"]
            """);
        Assert.Equal(0, (await project.Cli(ct, "up", "-d")).ExitCode);
        var daemonPid = DaemonLock.RunningPid(project.Paths)!.Value;
        Assert.Contains($"DOTNET_GCgen0size={DaemonEnvironment.Gen0Budget}", File.ReadAllText($"/proc/{daemonPid}/environ").Split('\0'));

        await WaitForStatus(project, s => s.Services.Single().State == "running", ct);
        var envFile = Path.Combine(project.Dir, "env.txt");
        var started = TimeProvider.System.GetTimestamp();
        while (!File.Exists(envFile))
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(10), "the service never wrote env.txt");
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, ct);
        }

        var env = File.ReadAllLines(envFile);
        Assert.DoesNotContain(env, l => l.StartsWith("DOTNET_GCgen0size=", StringComparison.Ordinal));
        Assert.DoesNotContain(env, l => l.StartsWith("AURORA_DAEMON_ENV=", StringComparison.Ordinal));
        Assert.Contains(env, l => l.StartsWith("AURORA_TAG=", StringComparison.Ordinal) && l.EndsWith("/envdump", StringComparison.Ordinal));
        Assert.Equal(0, (await project.Cli(ct, "down")).ExitCode);
    }
}
