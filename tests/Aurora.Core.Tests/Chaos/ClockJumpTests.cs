using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Supervision;
using Aurora.Core.Tests.Supervision;

namespace Aurora.Core.Tests.Chaos;

/// Issue 19's clock jump, through the time provider (never the machine's clock). Forward: the fake's time moves an
/// hour at once (a suspended laptop, a VM paused), timers due in that hour fire once, not once per missed period.
/// Backward: only the wall clock goes back (SkewedTimeProvider); timers and timestamps are monotonic and unaffected.
public sealed class ClockJumpTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task An_hour_forward_during_backoff_restarts_the_service_once_not_a_storm()
    {
        await using var h = new Harness();
        await using var api = h.Supervise(TestConfigs.Service("api"));
        await api.StartAsync().DefaultTimeout();
        await h.WaitForState("api", ServiceState.Running).DefaultTimeout();
        var backoff = h.WaitForState("api", ServiceState.Backoff);
        h.Launcher.Last("api").Exit(1);
        await backoff.DefaultTimeout();

        var running = h.WaitFor("api", s => s.State == ServiceState.Running && s.Restarts == 1);
        h.Time.Advance(Hour);
        await running.DefaultTimeout();
        h.Time.Advance(Hour);

        Assert.Equal(2, h.Launcher.Count("api"));
        Assert.Equal(ServiceState.Running, api.Snapshot.State);
        Assert.All(Uptimes(h), ms => Assert.InRange(ms, 0, long.MaxValue));
    }

    [Fact]
    public async Task An_hour_forward_while_running_changes_nothing_and_the_next_crash_still_backs_off()
    {
        await using var h = new Harness();
        await using var api = h.Supervise(TestConfigs.Service("api"));
        await api.StartAsync().DefaultTimeout();
        await h.WaitForState("api", ServiceState.Running).DefaultTimeout();

        h.Time.Advance(Hour);
        Assert.Equal(1, h.Launcher.Count("api"));

        var backoff = h.WaitForState("api", ServiceState.Backoff);
        h.Launcher.Last("api").Exit(1);
        var s = await backoff.DefaultTimeout();
        Assert.Equal(TimeSpan.FromMilliseconds(500), s.NextRestartAt!.Value - h.Time.GetUtcNow());
        Assert.InRange(Uptimes(h).Single(), (long)Hour.TotalMilliseconds, long.MaxValue);
    }

    [Fact]
    public async Task An_hour_backward_still_restarts_after_the_backoff_and_reports_no_negative_uptime()
    {
        await using var h = new Harness();
        var wall = new SkewedTimeProvider(h.Time);
        var ctx = new SupervisorContext(h.Launcher, h.Events, h.States, h.Health, wall, () => 0.5, "proj", ImmutableDictionary<string, string>.Empty);
        await using var api = new ServiceSupervisor(TestConfigs.Service("api"), ctx, h.Output);
        await api.StartAsync().DefaultTimeout();
        await h.WaitForState("api", ServiceState.Running).DefaultTimeout();
        h.Time.Advance(TimeSpan.FromSeconds(5));

        wall.Offset = -Hour;
        var backoff = h.WaitForState("api", ServiceState.Backoff);
        h.Launcher.Last("api").Exit(1);
        await backoff.DefaultTimeout();
        var running = h.WaitFor("api", s => s.State == ServiceState.Running && s.Restarts == 1);
        h.Time.Advance(TimeSpan.FromMilliseconds(500));
        await running.DefaultTimeout();

        Assert.Equal(2, h.Launcher.Count("api"));
        var uptime = Uptimes(h).Single();
        Assert.Equal(5000, uptime);
    }

    [Fact]
    public async Task An_hour_backward_does_not_keep_old_crashes_in_the_restart_window()
    {
        await using var h = new Harness();
        var wall = new SkewedTimeProvider(h.Time);
        var ctx = new SupervisorContext(h.Launcher, h.Events, h.States, h.Health, wall, () => 0.5, "proj", ImmutableDictionary<string, string>.Empty);
        var restart = RestartConfig.Default with
        {
            Backoff = BackoffOptions.Default with { Initial = TimeSpan.Zero },
            Limit = new RestartLimit(3, TimeSpan.FromSeconds(60)),
        };
        await using var api = new ServiceSupervisor(TestConfigs.Service("api", restart), ctx, h.Output);
        await api.StartAsync().DefaultTimeout();
        for (var n = 1; n <= 3; n++)
        {
            var launched = n;
            await h.WaitFor("api", s => s.Pid is not null && h.Launcher.Count("api") == launched).DefaultTimeout();
            h.Launcher.Last("api").Exit(2);
        }

        await h.WaitFor("api", s => s.Pid is not null && h.Launcher.Count("api") == 4).DefaultTimeout();
        wall.Offset = -Hour;

        // Crashes ten minutes apart never make more than one in any 60 s window.
        h.Time.Advance(TimeSpan.FromMinutes(10));
        h.Launcher.Last("api").Exit(2);
        var after = await h.WaitFor("api", s => s.State is ServiceState.Failed || (s.Pid is not null && h.Launcher.Count("api") == 5)).DefaultTimeout();

        Assert.Equal(ServiceState.Running, after.State);
    }

    private static List<long> Uptimes(Harness h) =>
        [.. h.EventsOf("api").Where(e => e.Type == EventTypes.ServiceExited).Select(e => e.Data.GetProperty("uptime_ms").GetInt64())];
}
