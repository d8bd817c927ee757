using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Health;
using Aurora.Core.Processes;
using Aurora.Core.Supervision;

namespace Aurora.Core.Tests.Supervision.Machine;

/// Health changes (hangs), dependencies and diagnoses, decided on plain values.
public class HealthAndDependencyTransitionsTests
{
    private static SupervisorInput.Exited Exit(MachineDriver m, int code) => TransitionsTests.Exit(m, code);

    private static MachineDriver Running(ServiceConfig config) => TransitionsTests.Running(config);

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
    public void Exits_explained_by_an_unreachable_address_wait_for_it_and_never_count_toward_the_restart_limit()
    {
        var restart = RestartConfig.Default with { Limit = new RestartLimit(1, TimeSpan.FromMinutes(1)) };
        var m = Running(TestConfigs.Service("api", restart));
        var verdict = new Aurora.Core.Diagnosis.Diagnosis(Causes.DependencyUnavailable, 0.9, ["ConnectionRefusedError: [Errno 111]"], "redis down")
        {
            WaitFor = "127.0.0.1:6379",
        };
        for (var round = 0; round < 5; round++)
        {
            m.Feed(Exit(m, 1));
            if (m.State.Service.State == ServiceState.Backoff)
            {
                m.Feed(new SupervisorInput.Diagnosed(verdict));
            }

            Assert.Equal(ServiceState.Degraded, m.State.Service.State);
            Assert.Equal("waiting for 127.0.0.1:6379", m.State.Service.Reason);
            Assert.Equal(Causes.DependencyUnavailable, m.State.Service.LastCause);
            Assert.Equal(new SupervisorEffect.ProbeAddress("127.0.0.1:6379", m.State.Generation), m.Effect<SupervisorEffect.ProbeAddress>());
            Assert.Empty(m.State.Failures);

            m.Feed(new SupervisorInput.AddressAnswered(m.State.Generation, "127.0.0.1:6379"));
            Assert.Equal(ServiceState.Starting, m.State.Service.State);
            m.Spawn(200 + round);
            m.Feed(new SupervisorInput.Diagnosed(verdict));
        }
    }
}
