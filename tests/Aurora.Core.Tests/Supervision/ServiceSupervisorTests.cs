using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Processes;
using Aurora.Core.Supervision;

namespace Aurora.Core.Tests.Supervision;

/// The loop carrying out decisions with a fake launcher and clock: spawns, timers, health watches, kills, events.
/// The rules themselves are tested on plain values in Machine/TransitionsTests and TransitionTableTests.
public class ServiceSupervisorTests
{
    [Fact]
    public async Task Restarts_with_backoff_after_crash()
    {
        await using var h = new Harness();
        await using var api = h.Supervise(TestConfigs.Service("api"));
        await api.StartAsync().DefaultTimeout();
        await h.WaitForState("api", ServiceState.Running).DefaultTimeout();

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var backoff = h.WaitForState("api", ServiceState.Backoff);
            h.Launcher.Last("api").Exit(1);
            var s = await backoff.DefaultTimeout();
            delays.Add(s.NextRestartAt!.Value - h.Time.GetUtcNow());

            var running = h.WaitFor("api", x => x.State == ServiceState.Running && x.Restarts == i + 1);
            h.Time.Advance(delays[^1] - TimeSpan.FromMilliseconds(1));
            Assert.Equal(i + 1, h.Launcher.Count("api"));
            h.Time.Advance(TimeSpan.FromMilliseconds(1));
            await running.DefaultTimeout();
        }

        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], delays);
        Assert.Equal(4, h.Launcher.Count("api"));
    }

    [Fact]
    public async Task Quarantines_after_the_restart_limit_and_stays_down_until_started_by_hand()
    {
        await using var h = new Harness();
        var restart = RestartConfig.Default with
        {
            Backoff = BackoffOptions.Default with { Initial = TimeSpan.Zero },
            Limit = new RestartLimit(3, TimeSpan.FromSeconds(10)),
        };
        await using var api = h.Supervise(TestConfigs.Service("api", restart));
        await api.StartAsync().DefaultTimeout();

        var failed = h.WaitForState("api", ServiceState.Failed);
        for (var i = 0; i < 4; i++)
        {
            var n = i + 1;
            await h.WaitFor("api", s => s.Pid is not null && h.Launcher.Count("api") == n).DefaultTimeout();
            h.Launcher.Last("api").Exit(2);
        }

        var snapshot = await failed.DefaultTimeout();
        Assert.Equal(Causes.CrashLoop, snapshot.LastCause);
        Assert.Equal(4, h.Launcher.Count("api"));

        h.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ServiceState.Failed, api.Snapshot.State);
        Assert.Equal(4, h.Launcher.Count("api"));
        Assert.Contains(h.EventsOf("api"), e => e.Type == EventTypes.ServiceFailed);

        await api.StartAsync().DefaultTimeout();
        await h.WaitForState("api", ServiceState.Running).DefaultTimeout();
        Assert.Equal(5, h.Launcher.Count("api"));
    }

    [Fact]
    public async Task Spawn_failure_is_an_exit_record_with_code_127_not_a_crash()
    {
        await using var h = new Harness();
        h.Launcher.Missing.Add("app");
        await using var api = h.Supervise(TestConfigs.Service("api", RestartConfig.Default with { Policy = RestartPolicyKind.Never }));
        var exited = h.WaitForState("api", ServiceState.Exited);
        await api.StartAsync().DefaultTimeout();
        var s = await exited.DefaultTimeout();
        Assert.Equal(127, s.LastExit!.ExitCode);
        Assert.Equal(Causes.MissingDependency, s.LastCause);
        var exitEvent = h.EventsOf("api").Single(e => e.Type == EventTypes.ServiceExited);
        Assert.Contains("command not found", exitEvent.Data.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_stop_that_throws_kills_the_process_and_the_restarts_go_on()
    {
        await using var h = new Harness();
        await using var api = h.Supervise(TestConfigs.Service("api"));
        await api.StartAsync().DefaultTimeout();
        await h.WaitForState("api", ServiceState.Running).DefaultTimeout();
        var first = h.Launcher.Last("api");
        first.StopThrows = new NotSupportedException("Stream does not support seeking.");

        await api.RestartAsync().DefaultTimeout();
        await h.WaitFor("api", s => s.State == ServiceState.Running && h.Launcher.Count("api") == 2).DefaultTimeout();
        Assert.Contains(Signals.SIGKILL, first.SignalsReceived);

        await api.RestartAsync().DefaultTimeout();
        await h.WaitFor("api", s => s.State == ServiceState.Running && h.Launcher.Count("api") == 3).DefaultTimeout();
    }

    [Fact]
    public async Task Stop_sends_the_configured_signal_and_keeps_it_down()
    {
        await using var h = new Harness();
        await using var api = h.Supervise(TestConfigs.Service("api"));
        await api.StartAsync().DefaultTimeout();
        await h.WaitForState("api", ServiceState.Running).DefaultTimeout();
        var process = h.Launcher.Last("api");
        await api.StopAsync().DefaultTimeout();
        Assert.Equal(ServiceState.Stopped, api.Snapshot.State);
        Assert.Equal([Signals.SIGTERM], process.SignalsReceived);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, h.Launcher.Count("api"));
        var types = h.EventsOf("api").Select(e => e.Type).ToList();
        Assert.Equal([EventTypes.ServiceStarting, EventTypes.ServiceStarted, EventTypes.ServiceStopping, EventTypes.ServiceExited, EventTypes.ServiceStopped], types);
    }

    [Fact]
    public async Task Unhealthy_while_alive_is_a_hang_killed_with_sigkill_and_restarted()
    {
        await using var h = new Harness();
        await using var api = h.Supervise(TestConfigs.Service("api", health: TestConfigs.Http(retries: 2)));
        await api.StartAsync().DefaultTimeout();
        await h.WaitForState("api", ServiceState.Starting).DefaultTimeout();
        await h.WaitFor("api", s => s.Pid is not null).DefaultTimeout();
        Assert.True(h.Health.IsWatching("api"));
        var healthy = h.WaitForState("api", ServiceState.Healthy);
        h.Health.Report("api", true);
        await healthy.DefaultTimeout();
        var first = h.Launcher.Last("api");

        var backoff = h.WaitForState("api", ServiceState.Backoff);
        h.Health.Report("api", false);
        h.Health.Report("api", false);
        var s = await backoff.DefaultTimeout();
        Assert.Equal(Causes.Hang, s.LastCause);
        Assert.Contains(Signals.SIGKILL, first.SignalsReceived);
        Assert.False(h.Health.IsWatching("api"));
    }
}
