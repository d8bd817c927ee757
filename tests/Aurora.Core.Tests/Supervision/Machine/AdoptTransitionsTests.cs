using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Processes;
using Aurora.Core.Supervision;

namespace Aurora.Core.Tests.Supervision.Machine;

/// Issue 17: a service adopted from an earlier daemon carries on where it was.
public sealed class AdoptTransitionsTests
{
    private static readonly DateTimeOffset Now = TransitionFixture.Now;

    [Fact]
    public void Adoption_carries_the_restart_counter_the_backoff_attempt_and_the_restart_window_over()
    {
        var config = TestConfigs.Service("api") with { Health = TestConfigs.Http(retries: 1) };
        var failures = ImmutableArrayOf(Now.AddSeconds(-20), Now.AddSeconds(-10));
        var memo = new AdoptionMemo(4, 2, Causes.PortConflict, Causes.PortConflict, ProcessFingerprint.Of(config), failures);
        var d = Transitions.Decide(SupervisorState.Initial("api"), new SupervisorInput.Adopt(4242, 99, Now.AddSeconds(-1), memo, 120, 0), config, Now);

        Assert.Equal(ServiceState.Starting, d.ServiceState);
        Assert.Equal([EventTypes.ServiceAdopted], d.EventTypes);
        Assert.Equal((4242, 99L, 4), (d.State.Service.Pid!.Value, d.State.Service.StartTicks, d.State.Service.Restarts));
        Assert.Equal(Causes.PortConflict, d.State.Service.LastCause);
        Assert.Equal((2, Causes.PortConflict, true), (d.State.Attempt, d.State.EpisodeCause, d.State.Wanted));
        Assert.Equal(failures, d.State.Failures);
        Assert.Equal([typeof(SupervisorEffect.Attach), typeof(SupervisorEffect.WatchHealth)],
            d.Effects.Where(e => e is not SupervisorEffect.Publish and not SupervisorEffect.Note).Select(e => e.GetType()));

        // Its exit (a second after its start: too soon to reset the backoff) is a failure like any: code 3, one more
        // attempt and one more exit in the carried-over restart window.
        var exited = Transitions.Decide(d.State, new SupervisorInput.Exited(d.State.Generation, new ExitStatus(3, null)), config, Now);
        Assert.Equal(ServiceState.Backoff, exited.ServiceState);
        Assert.Equal(3, exited.State.Service.LastExit!.ExitCode);
        Assert.Equal(3, exited.State.Failures.Length);
        Assert.Equal(3, exited.State.Attempt);
    }

    [Fact]
    public void An_adopted_service_with_a_notify_watchdog_has_its_watchdog_deadline_armed_again()
    {
        var config = TestConfigs.Service("api") with
        {
            Ready = new Aurora.Core.Config.ReadinessConfig(null, true, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)),
        };
        var d = Transitions.Decide(SupervisorState.Initial("api"), new SupervisorInput.Adopt(4242, 99, Now.AddSeconds(-1), null, 0, 0), config, Now);

        Assert.Equal(ServiceState.Healthy, d.ServiceState);
        var deadline = Assert.Single(d.Effects.OfType<SupervisorEffect.ArmDeadline>());
        Assert.Equal((Deadline.Watchdog, TimeSpan.FromSeconds(10), d.State.Generation, d.State.WatchdogToken), (deadline.Kind, deadline.Delay, deadline.Generation, deadline.Token));
    }

    [Fact]
    public void A_memo_reads_back_as_it_was_written_and_a_foreign_one_is_not_read()
    {
        var memo = new AdoptionMemo(7, 3, null, Causes.CrashLoop, "abc", ImmutableArrayOf(Now.AddSeconds(-1)));
        var back = AdoptionMemo.Parse(memo.Format())!;
        Assert.Equal((7, 3, null, Causes.CrashLoop, "abc"), (back.Restarts, back.Attempt, back.EpisodeCause, back.LastCause, back.Fingerprint));
        Assert.Equal(memo.Failures, back.Failures);
        Assert.Null(AdoptionMemo.Parse(""));
        Assert.Null(AdoptionMemo.Parse("2\n1\n1\n\n\nf\n"));
    }

    [Fact]
    public void The_fingerprint_changes_with_what_a_reload_restarts_for_and_only_with_that()
    {
        var config = TestConfigs.Service("api");
        Assert.Equal(ProcessFingerprint.Of(config), ProcessFingerprint.Of(config with { Health = TestConfigs.Http(retries: 3) }));
        Assert.NotEqual(ProcessFingerprint.Of(config), ProcessFingerprint.Of(config with { Command = ["other"] }));
        Assert.NotEqual(ProcessFingerprint.Of(config), ProcessFingerprint.Of(config with { Environment = config.Environment.SetItem("A", "1") }));
    }

    private static System.Collections.Immutable.ImmutableArray<DateTimeOffset> ImmutableArrayOf(params DateTimeOffset[] times) => [.. times];
}
