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
    private static SupervisorInput.Exited Exit(MachineDriver m, int code) => new(m.State.Generation, new ExitStatus(code, null));

    private static MachineDriver Running(ServiceConfig config, int pid = 100)
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
    public void An_unhealthy_process_that_was_healthy_is_killed_as_hung_and_its_exit_is_read_as_a_hang()
    {
        var m = Running(TestConfigs.Service("api", health: TestConfigs.Http(retries: 2)));
        Assert.Equal(new SupervisorEffect.WatchHealth(m.State.Generation), m.Effect<SupervisorEffect.WatchHealth>());
        m.Feed(new SupervisorInput.HealthChanged(m.State.Generation, new HealthResult(true, "HTTP 200", TimeSpan.Zero), HealthStatus.Healthy, 0));
        m.Feed(new SupervisorInput.HealthChanged(m.State.Generation, new HealthResult(false, "timed out after 1s", TimeSpan.Zero, true),
            HealthStatus.Unhealthy, 2));

        Assert.Equal(new SupervisorEffect.Signal(Signals.SIGKILL), m.Effect<SupervisorEffect.Signal>());
        Assert.Equal(Causes.Hang, m.State.Service.LastCause);

        m.Feed(new SupervisorInput.Exited(m.State.Generation, new ExitStatus(null, Signals.SIGKILL)));
        Assert.Equal(ServiceState.Backoff, m.State.Service.State);
        Assert.Contains(m.Last.Effects, e => e is SupervisorEffect.UnwatchHealth);
        var diagnose = m.Effect<SupervisorEffect.Diagnose>();
        Assert.True(diagnose.Failure.KilledAsHung);
        Assert.Equal("timed out after 1s", diagnose.Failure.HealthDetail);
    }

    [Fact]
    public void A_process_never_healthy_is_not_killed_without_a_start_period_but_is_once_the_start_period_is_over()
    {
        var unhealthy = new HealthResult(false, "connection refused", TimeSpan.Zero);
        var m = Running(TestConfigs.Service("api", health: TestConfigs.Http(retries: 1)));
        m.Feed(new SupervisorInput.HealthChanged(m.State.Generation, unhealthy, HealthStatus.Unhealthy, 1));
        Assert.DoesNotContain(m.Last.Effects, e => e is SupervisorEffect.Signal);
        Assert.Equal(ServiceState.Starting, m.State.Service.State);
        Assert.Equal("connection refused", m.State.Service.HealthDetail);

        var withGrace = Running(TestConfigs.Service("api", health: TestConfigs.Http(retries: 1) with { StartPeriod = TimeSpan.FromSeconds(5) }));
        withGrace.Advance(TimeSpan.FromSeconds(6));
        withGrace.Feed(new SupervisorInput.HealthChanged(withGrace.State.Generation, unhealthy, HealthStatus.Unhealthy, 1));
        Assert.Equal(new SupervisorEffect.Signal(Signals.SIGKILL), withGrace.Effect<SupervisorEffect.Signal>());
    }

    [Fact]
    public void A_dependent_is_held_until_its_dependency_is_up_and_an_older_snapshot_of_it_changes_nothing()
    {
        var m = new MachineDriver(TestConfigs.Service("api", dependsOn: [new Dependency("db", DependencyCondition.Healthy)]));
        m.Feed(new SupervisorInput.DependencyChanged(new ServiceSnapshot("db", ServiceState.Starting, 3, Pid: 50)));
        m.Feed(new SupervisorInput.Start(Manual: false));
        Assert.Equal(ServiceState.Pending, m.State.Service.State);
        Assert.Equal("waiting for db: healthy", m.State.Service.Reason);

        m.Feed(new SupervisorInput.DependencyChanged(new ServiceSnapshot("db", ServiceState.Healthy, 9, Pid: 50, Health: HealthStatus.Healthy)));
        Assert.Equal(ServiceState.Starting, m.State.Service.State);
        m.Spawn(100);

        var stale = m.Feed(new SupervisorInput.DependencyChanged(new ServiceSnapshot("db", ServiceState.Stopped, 8)));
        Assert.Empty(stale.Effects);
        Assert.Equal(ServiceState.Running, m.State.Service.State);
    }

    [Fact]
    public void Under_on_dependency_failure_restart_the_dependent_is_relaunched_when_its_dependency_is_back_without_counting_a_restart()
    {
        var m = new MachineDriver(TestConfigs.Service("api", dependsOn: [new Dependency("db", DependencyCondition.Started)],
            onDependencyFailure: DependencyFailureAction.Restart));
        m.Feed(new SupervisorInput.DependencyChanged(TransitionFixture.Db(up: true, 1)));
        m.Feed(new SupervisorInput.Start(Manual: false));
        m.Spawn(100);

        m.Feed(new SupervisorInput.DependencyChanged(TransitionFixture.Db(up: false, 2)));
        Assert.Equal(ServiceState.Degraded, m.State.Service.State);
        Assert.Equal(100, m.State.Service.Pid);

        m.Feed(new SupervisorInput.DependencyChanged(TransitionFixture.Db(up: true, 3)));
        Assert.Equal(ServiceState.Stopping, m.State.Service.State);
        m.Feed(new SupervisorInput.StopCompleted(new ExitStatus(null, Signals.SIGTERM)));
        Assert.Equal(ServiceState.Starting, m.State.Service.State);
        Assert.True(m.State.Wanted);
        m.Spawn(101);
        Assert.Equal(0, m.State.Service.Restarts);
    }

    [Fact]
    public void A_config_error_diagnosis_holds_a_service_in_backoff_as_failed()
    {
        var m = Running(TestConfigs.Service("api"));
        m.Feed(Exit(m, 2));
        m.Feed(new SupervisorInput.Diagnosed(new Aurora.Core.Diagnosis.Diagnosis(Causes.ConfigError, 0.9, ["unknown option --prot"], "usage")));
        Assert.Equal(ServiceState.Failed, m.State.Service.State);
        Assert.Contains(m.Last.Effects, e => e is SupervisorEffect.CancelBackoff);

        var unsure = Running(TestConfigs.Service("api"));
        unsure.Feed(Exit(unsure, 2));
        unsure.Feed(new SupervisorInput.Diagnosed(new Aurora.Core.Diagnosis.Diagnosis(Causes.ConfigError, 0.5, [], "maybe")));
        Assert.Equal(ServiceState.Backoff, unsure.State.Service.State);
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

    private static SupervisorInput.Diagnosed Verdict(string cause) =>
        new(new Aurora.Core.Diagnosis.Diagnosis(cause, 0.9, ["evidence"], cause));

    [Fact]
    public void A_service_quarantined_after_port_conflicts_keeps_port_conflict_as_its_cause()
    {
        var restart = RestartConfig.Default with { Limit = new RestartLimit(2, TimeSpan.FromMinutes(1)) };
        var m = Running(TestConfigs.Service("api", restart));
        m.Feed(Exit(m, 1));
        m.Feed(Verdict(Causes.PortConflict));
        Assert.Equal(Causes.PortConflict, m.State.Service.LastCause);
        m.Feed(new SupervisorInput.BackoffElapsed(m.State.Generation));
        m.Spawn(101);
        m.Feed(Exit(m, 1));
        m.Feed(Verdict(Causes.Unknown));
        Assert.Equal(Causes.PortConflict, m.State.Service.LastCause);
        m.Feed(new SupervisorInput.BackoffElapsed(m.State.Generation));
        m.Spawn(102);

        m.Feed(Exit(m, 1));
        Assert.Equal(ServiceState.Failed, m.State.Service.State);
        Assert.Equal(Causes.PortConflict, m.State.Service.LastCause);
        var failed = m.Last.Effects.OfType<SupervisorEffect.Publish>().Single(p => p.Type == EventTypes.ServiceFailed);
        Assert.Equal(Causes.PortConflict, failed.Data["cause"]);
        Assert.Equal(true, failed.Data["limit_reached"]);

        m.Feed(Verdict(Causes.CrashLoop));
        Assert.Equal(Causes.PortConflict, m.State.Service.LastCause);
    }

    [Fact]
    public void Crash_loop_is_the_cause_only_when_nothing_more_specific_was_found()
    {
        var restart = RestartConfig.Default with { Backoff = BackoffOptions.Default with { Initial = TimeSpan.Zero }, Limit = new RestartLimit(1, TimeSpan.FromMinutes(1)) };
        var m = Running(TestConfigs.Service("api", restart));
        m.Feed(Exit(m, 1));
        m.Spawn(101);
        m.Feed(Exit(m, 1));
        Assert.Equal(ServiceState.Failed, m.State.Service.State);
        Assert.Equal(Causes.CrashLoop, m.State.Service.LastCause);
    }

    [Fact]
    public void A_healthy_service_starts_a_new_episode_so_an_old_cause_is_not_kept()
    {
        var m = Running(TestConfigs.Service("api", health: TestConfigs.Http(retries: 1)));
        m.Feed(Exit(m, 1));
        m.Feed(Verdict(Causes.MissingDependency));
        m.Feed(new SupervisorInput.BackoffElapsed(m.State.Generation));
        m.Spawn(101);
        m.Feed(new SupervisorInput.HealthChanged(m.State.Generation, new HealthResult(true, "HTTP 200", TimeSpan.Zero), HealthStatus.Healthy, 0));
        Assert.Null(m.State.EpisodeCause);

        m.Feed(Exit(m, 1));
        m.Feed(Verdict(Causes.OutOfMemory));
        Assert.Equal(Causes.OutOfMemory, m.State.Service.LastCause);
    }
}
