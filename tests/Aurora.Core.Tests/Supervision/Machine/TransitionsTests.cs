using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Health;
using Aurora.Core.Processes;
using Aurora.Core.Supervision;

namespace Aurora.Core.Tests.Supervision.Machine;

/// The decide function on plain values: no processes, no loop, the clock an argument.
public class TransitionsTests
{
    internal static SupervisorInput.Exited Exit(MachineDriver m, int code) => new(m.State.Generation, new ExitStatus(code, null));

    internal static MachineDriver Running(ServiceConfig config, int pid = 100)
    {
        var m = new MachineDriver(config);
        m.Feed(new SupervisorInput.Start(Manual: false));
        m.Spawn(pid);
        return m;
    }

    [Fact]
    public void Backoff_doubles_with_each_failed_exit_and_the_timer_is_armed_before_the_event()
    {
        var m = Running(TestConfigs.Service("api"));
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            m.Feed(Exit(m, 1));
            Assert.Equal(ServiceState.Backoff, m.State.Service.State);
            var arm = m.Effect<SupervisorEffect.ArmBackoff>();
            var armedAt = m.Last.Effects.IndexOf(arm);
            var backoffEvent = m.Last.Effects.Select((e, index) => (e, index))
                .Single(x => x.e is SupervisorEffect.Publish { Type: EventTypes.ServiceBackoff }).index;
            Assert.True(armedAt < backoffEvent);
            delays.Add(arm.Delay);
            Assert.Equal(m.Now + arm.Delay, m.State.Service.NextRestartAt);

            m.Advance(arm.Delay);
            m.Feed(new SupervisorInput.BackoffElapsed(arm.Generation));
            m.Spawn(200 + i);
            Assert.Equal(i + 1, m.State.Service.Restarts);
        }

        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], delays);
    }

    [Fact]
    public void A_run_longer_than_reset_after_starts_the_backoff_over()
    {
        var m = Running(TestConfigs.Service("api"));
        m.Feed(Exit(m, 1));
        m.Feed(new SupervisorInput.BackoffElapsed(m.State.Generation));
        m.Spawn(101);
        m.Advance(TimeSpan.FromSeconds(61));
        m.Feed(Exit(m, 1));
        Assert.Equal(TimeSpan.FromMilliseconds(500), m.Effect<SupervisorEffect.ArmBackoff>().Delay);
    }

    [Fact]
    public void The_jitter_comes_from_the_roll()
    {
        var m = Running(TestConfigs.Service("api"));
        m.Roll = 0.0;
        m.Feed(Exit(m, 1));
        Assert.Equal(TimeSpan.FromMilliseconds(400), m.Effect<SupervisorEffect.ArmBackoff>().Delay);
    }

    [Fact]
    public void Past_the_restart_limit_the_service_is_quarantined_until_a_manual_start()
    {
        var restart = RestartConfig.Default with
        {
            Backoff = BackoffOptions.Default with { Initial = TimeSpan.Zero },
            Limit = new RestartLimit(3, TimeSpan.FromSeconds(10)),
        };
        var m = Running(TestConfigs.Service("api", restart));
        for (var i = 0; i < 3; i++)
        {
            m.Feed(Exit(m, 2));
            m.Spawn(200 + i);
        }

        m.Feed(Exit(m, 2));
        Assert.Equal(ServiceState.Failed, m.State.Service.State);
        Assert.Equal(Causes.CrashLoop, m.State.Service.LastCause);
        Assert.DoesNotContain(m.Last.Effects, e => e is SupervisorEffect.Spawn or SupervisorEffect.ArmBackoff);
        Assert.True(m.Effect<SupervisorEffect.Diagnose>().Failure.RestartLimitReached);

        m.Advance(TimeSpan.FromHours(1));
        m.Feed(new SupervisorInput.Start(Manual: false));
        Assert.Equal(ServiceState.Starting, m.State.Service.State);
        Assert.Equal(4, m.State.Failures.Length);

        m.Feed(new SupervisorInput.Start(Manual: true));
        Assert.Empty(m.State.Failures);
    }

    [Fact]
    public void Failures_outside_the_window_do_not_count_toward_the_limit()
    {
        var restart = RestartConfig.Default with
        {
            Backoff = BackoffOptions.Default with { Initial = TimeSpan.Zero },
            Limit = new RestartLimit(2, TimeSpan.FromSeconds(10)),
        };
        var m = Running(TestConfigs.Service("api", restart));
        for (var i = 0; i < 10; i++)
        {
            m.Advance(TimeSpan.FromSeconds(6));
            m.Feed(Exit(m, 1));
            Assert.Equal(ServiceState.Starting, m.State.Service.State);
            m.Spawn(200 + i);
        }
    }

    [Fact]
    public void A_spawn_that_fails_is_an_exit_record_with_the_error_and_a_diagnosis_that_does_not_wait_for_output()
    {
        var m = new MachineDriver(TestConfigs.Service("api", RestartConfig.Default with { Policy = RestartPolicyKind.Never }));
        m.Feed(new SupervisorInput.Start(Manual: true));
        m.Feed(new SupervisorInput.SpawnFailed(127, "app: command not found"));

        Assert.Equal(ServiceState.Exited, m.State.Service.State);
        Assert.Equal(127, m.State.Service.LastExit!.ExitCode);
        Assert.Equal(Causes.MissingDependency, m.State.Service.LastCause);
        var exited = m.Last.Effects.OfType<SupervisorEffect.Publish>().Single(p => p.Type == EventTypes.ServiceExited);
        Assert.Equal("app: command not found", exited.Data["error"]);
        var diagnose = m.Effect<SupervisorEffect.Diagnose>();
        Assert.False(diagnose.WaitForOutput);
        Assert.Equal("app: command not found", diagnose.Failure.SpawnError);
    }

    [Fact]
    public void A_clean_exit_asks_for_no_diagnosis()
    {
        var m = Running(TestConfigs.Service("job", RestartConfig.Default with { Policy = RestartPolicyKind.Always }));
        m.Feed(Exit(m, 0));
        Assert.DoesNotContain(m.Last.Effects, e => e is SupervisorEffect.Diagnose);
        m.Feed(new SupervisorInput.BackoffElapsed(m.State.Generation));
        m.Spawn(101);
        m.Feed(Exit(m, 3));
        Assert.True(m.Effect<SupervisorEffect.Diagnose>().WaitForOutput);
    }

    [Fact]
    public void Stop_sends_the_configured_signal_with_its_grace_and_the_old_exit_is_stale()
    {
        var config = TestConfigs.Service("api") with { Stop = new StopConfig(Signals.SIGINT, "SIGINT", TimeSpan.FromSeconds(3)) };
        var m = Running(config);
        var generation = m.State.Generation;

        m.Feed(new SupervisorInput.Stop());
        Assert.Equal(new SupervisorEffect.StopProcess(Signals.SIGINT, TimeSpan.FromSeconds(3)), m.Effect<SupervisorEffect.StopProcess>());
        Assert.Equal(ServiceState.Stopping, m.State.Service.State);

        var stale = m.Feed(new SupervisorInput.Exited(generation, new ExitStatus(null, Signals.SIGINT)));
        Assert.Empty(stale.Effects);

        m.Feed(new SupervisorInput.StopCompleted(new ExitStatus(null, Signals.SIGINT)));
        Assert.Equal(ServiceState.Stopped, m.State.Service.State);
        Assert.Null(m.State.Service.Pid);
        Assert.False(m.State.Wanted);
        var exited = m.Last.Effects.OfType<SupervisorEffect.Publish>().Single(p => p.Type == EventTypes.ServiceExited);
        Assert.Equal(true, exited.Data["requested"]);
        Assert.Equal(100, exited.Data["pid"]);
    }

    [Fact]
    public void The_state_survives_a_json_round_trip_and_decides_the_same_afterwards()
    {
        var m = Running(TestConfigs.Service("api"));
        m.Feed(Exit(m, 1));
        var json = System.Text.Json.JsonSerializer.Serialize(m.State with { Dependencies = m.State.Dependencies.Clear() });
        var restored = System.Text.Json.JsonSerializer.Deserialize<SupervisorState>(json)!;

        var original = Transitions.Decide(m.State, new SupervisorInput.BackoffElapsed(m.State.Generation), m.Config, m.Now);
        var again = Transitions.Decide(restored, new SupervisorInput.BackoffElapsed(restored.Generation), m.Config, m.Now);
        Assert.Equal(original.State.Service, again.State.Service);
        Assert.Equal(original.State.Failures, again.State.Failures);
        Assert.Equal(original.Effects.Select(e => e.GetType()), again.Effects.Select(e => e.GetType()));
        Assert.Equal(ServiceState.Starting, again.ServiceState);
    }
}
