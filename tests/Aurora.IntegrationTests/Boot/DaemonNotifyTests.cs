using Aurora.Core.Processes;
using Aurora.IntegrationTests.Daemon;
using Aurora.IntegrationTests.Processes;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Boot;

/// The real `aurora daemon` (what the unit's ExecStart runs) under a real `$NOTIFY_SOCKET`, heard as systemd
/// would hear it.
public class DaemonNotifyTests
{
    [Fact(Timeout = 90000)]
    public async Task Under_a_notify_socket_the_daemon_says_mainpid_status_ready_watchdog_and_stopping_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("services: {}");
        var order = Path.Combine(project.Dir, "order");
        var dbReady = Path.Combine(project.Dir, "db-ready");
        string Service(string name) =>
            $"""["sh", "-c", "env | grep -E '^(NOTIFY_SOCKET|WATCHDOG_)' || echo no notify variables; trap 'echo {name} >> {order}; exit 0' TERM; sleep 1000 & wait"]""";
        project.Write($"""
            services:
              db:
                command: {Service("db")}
                health: {"{"} exec: ["test", "-e", "{dbReady}"], interval: 100ms {"}"}
              api:
                command: {Service("api")}
                depends_on: {"{"} db: healthy {"}"}
            """);
        using var inbox = NotifyInbox.Open();
        var output = new LineSink();
        var env = ProcessRun.Environment(("NOTIFY_SOCKET", inbox.Address), ("WATCHDOG_USEC", "400000"));
        var daemon = new PosixProcessLauncher().Start(new ProcessSpec([AuroraBinary.Path, "daemon", "-f", project.ConfigPath], project.Dir, env, null, output));
        try
        {
            Assert.Equal(daemon.Pid, (await inbox.Next(ct)).MainPid);

            // db is not healthy until the test says so: the stack is starting, and api waits for db.
            await inbox.WaitFor(m => m.Status == "2 services: 2 starting (db, api)", ct);
            Assert.DoesNotContain(inbox.Seen, m => m.Ready);
            await File.WriteAllTextAsync(dbReady, "", ct);
            var ready = await inbox.WaitFor(m => m.Ready, ct);
            Assert.Equal("2 services: 2 up", ready.Status);

            // Until READY=1 each ping also extends the start timeout (three ticks of 200 ms); after it, a plain ping.
            Assert.All(inbox.Seen.Where(m => m.Watchdog), m => Assert.Equal("600000", m["EXTEND_TIMEOUT_USEC"]));
            var ping = await inbox.WaitFor(m => m.Watchdog, ct);
            Assert.Null(ping["EXTEND_TIMEOUT_USEC"]);

            Assert.Equal(0, Os.Kill(daemon.Pid, Signals.SIGTERM));
            var stopping = await inbox.WaitFor(m => m.Stopping, ct);
            Assert.Equal("stopping 2 services", stopping.Status);
            Assert.Equal(0, (await daemon.Exited.DefaultTimeout(TimeSpan.FromSeconds(30))).ExitCode);
        }
        catch
        {
            Console.Error.WriteLine(string.Join("\n", output.Lines));
            throw;
        }

        // SIGTERM is `down`: api (the dependent) stopped before db.
        Assert.Equal("api\ndb\n", File.ReadAllText(order));

        // The unit's notify variables are the daemon's alone: a service never sees them.
        Assert.Contains("no notify variables", File.ReadAllText(Path.Combine(project.Paths.Logs, "db.log")));
    }

    /// Issue 18 with issue 17: `aurora daemon restart` re-executes the daemon in the same process, so systemd's main pid
    /// stays right: the new daemon says MAINPID= (the same pid) and READY=1 again, and STOPPING=1 is never sent (systemd
    /// would take the unit for stopping). The service keeps its process.
    [Fact(Timeout = 90000)]
    public async Task A_daemon_restart_under_a_notify_socket_keeps_the_main_pid_and_never_says_stopping()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            services:
              svc: { command: ["sleep", "1000"] }
            """);
        using var inbox = NotifyInbox.Open();
        var output = new LineSink();
        var env = ProcessRun.Environment(("NOTIFY_SOCKET", inbox.Address));
        var daemon = new PosixProcessLauncher().Start(new ProcessSpec([AuroraBinary.Path, "daemon", "-f", project.ConfigPath], project.Dir, env, null, output));
        try
        {
            Assert.Equal(daemon.Pid, (await inbox.Next(ct)).MainPid);
            await inbox.WaitFor(m => m.Ready, ct);
            var before = await ServicePidAsync(project, ct);
            var seen = inbox.Seen.Count;

            var restart = await project.Cli(ct, "daemon", "restart");

            Assert.True(restart.ExitCode == 0, restart.Output);
            await inbox.WaitFor(m => m.Ready && inbox.Seen.IndexOf(m) >= seen, ct);
            var after = inbox.Seen.Skip(seen).ToList();
            Assert.DoesNotContain(inbox.Seen, m => m.Stopping);
            Assert.Contains(after, m => m.MainPid == daemon.Pid);
            Assert.All(after.Where(m => m.MainPid is not null), m => Assert.Equal(daemon.Pid, m.MainPid));
            Assert.Equal(before, await ServicePidAsync(project, ct));

            Assert.Equal(0, Os.Kill(daemon.Pid, Signals.SIGTERM));
            await inbox.WaitFor(m => m.Stopping, ct);
            Assert.Equal(0, (await daemon.Exited.DefaultTimeout(TimeSpan.FromSeconds(30))).ExitCode);
        }
        catch
        {
            Console.Error.WriteLine(string.Join("\n", output.Lines));
            throw;
        }
    }

    private static async Task<int> ServicePidAsync(TestProject project, CancellationToken ct)
    {
        var status = await project.Cli(ct, "status", "--json");
        Assert.True(status.ExitCode == 0, status.Output);
        using var json = System.Text.Json.JsonDocument.Parse(status.Output);
        return json.RootElement.GetProperty("services")[0].GetProperty("pid").GetInt32();
    }

    [Fact(Timeout = 30000)]
    public async Task Systemd_notify_is_heard_and_its_barrier_answered()
    {
        var ct = TestContext.Current.CancellationToken;
        var tool = SystemdTools.Require("systemd-notify");
        using var inbox = NotifyInbox.Open();

        // systemd-notify waits until the listener has closed the descriptor it passes with BARRIER=1.
        var run = ProcessRun.RunAsync(Path.GetTempPath(), [tool, "--ready", "--status=from systemd-notify", "--pid=4242"],
            ("NOTIFY_SOCKET", inbox.Address));
        var ready = await inbox.WaitFor(m => m.Ready, ct);
        var barrier = await inbox.WaitFor(m => m["BARRIER"] == "1", ct);
        var (exit, output) = await run;

        Assert.Equal("from systemd-notify", ready.Status);
        Assert.Equal(4242, inbox.Seen.Select(m => m.MainPid).Single(p => p is not null));
        Assert.NotNull(barrier.SenderPid);
        Assert.True(exit == 0, output);
    }
}
