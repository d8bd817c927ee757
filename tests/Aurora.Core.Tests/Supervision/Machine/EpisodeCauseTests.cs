using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Health;
using Aurora.Core.Processes;
using Aurora.Core.Supervision;

namespace Aurora.Core.Tests.Supervision.Machine;

/// SPEC §6: a failure episode keeps the most specific cause found in it; quarantine is a state, not a cause.
public class EpisodeCauseTests
{
    private static SupervisorInput.Diagnosed Verdict(string cause) =>
        new(new Aurora.Core.Diagnosis.Diagnosis(cause, 0.9, ["evidence"], cause));

    private static SupervisorInput.Exited Exit(MachineDriver m, int code) => TransitionsTests.Exit(m, code);

    private static MachineDriver Running(ServiceConfig config) => TransitionsTests.Running(config);

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
