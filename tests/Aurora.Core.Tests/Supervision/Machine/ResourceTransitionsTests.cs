using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Limits;
using Aurora.Core.Processes;
using Aurora.Core.Supervision;

namespace Aurora.Core.Tests.Supervision.Machine;

/// `resource exceeded`: what is killed, what is only reported, and what cause the exit that follows gets.
public class ResourceTransitionsTests
{
    private static readonly LimitBreach OverMemory = new(LimitBreach.Memory, 70 << 20, 64 << 20, LimitBreach.BySampling);

    private static ServiceConfig Limited(ResourceLimits limits) => TestConfigs.Service("api") with { Limits = limits };

    [Fact]
    public void Memory_over_by_sampling_kills_the_group_and_the_exit_is_out_of_memory_restarted_by_the_policy()
    {
        var m = TransitionsTests.Running(Limited(ResourceLimits.None with { MemoryBytes = 64 << 20 }));
        m.Feed(new SupervisorInput.ResourceExceeded(100, OverMemory));

        Assert.Equal(Signals.SIGKILL, m.Effect<SupervisorEffect.Signal>().Number);
        var published = m.Effect<SupervisorEffect.Publish>();
        Assert.Equal(EventTypes.ResourceExceeded, published.Type);
        Assert.Equal("memory", published.Data["resource"]);
        Assert.Equal(70L << 20, published.Data["usage"]);
        Assert.Equal(64L << 20, published.Data["limit"]);
        Assert.Equal("sampling", published.Data["enforced_by"]);

        m.Feed(new SupervisorInput.Exited(m.State.Generation, new ExitStatus(null, Signals.SIGKILL)));
        Assert.Equal(ServiceState.Backoff, m.State.Service.State);
        Assert.Equal(Causes.OutOfMemory, m.State.Service.LastCause);
        var diagnose = m.Effect<SupervisorEffect.Diagnose>();
        Assert.Equal(70L << 20, diagnose.Failure.LastMemoryBytes);
        Assert.Equal(64L << 20, diagnose.Failure.MemoryLimitBytes);
    }

    [Fact]
    public void A_kernel_oom_kill_is_reported_not_repeated()
    {
        var m = TransitionsTests.Running(Limited(ResourceLimits.None with { MemoryBytes = 64 << 20 }));
        m.Feed(new SupervisorInput.ResourceExceeded(100, OverMemory with { EnforcedBy = LimitBreach.ByCgroup, KilledByKernel = true }));

        Assert.Empty(m.Last.Effects.OfType<SupervisorEffect.Signal>());
        Assert.Equal("cgroup", m.Effect<SupervisorEffect.Publish>().Data["enforced_by"]);
        m.Feed(new SupervisorInput.Exited(m.State.Generation, new ExitStatus(null, Signals.SIGKILL)));
        Assert.Equal(Causes.OutOfMemory, m.State.Service.LastCause);
    }

    [Theory]
    [InlineData(CpuAction.Warn, false)]
    [InlineData(CpuAction.Restart, true)]
    public void Cpu_over_for_its_window_warns_or_restarts(CpuAction action, bool killed)
    {
        var m = TransitionsTests.Running(Limited(ResourceLimits.None with { CpuPercent = 50, OnCpu = action }));
        m.Feed(new SupervisorInput.ResourceExceeded(100, new LimitBreach(LimitBreach.Cpu, 98.74, 50, LimitBreach.BySampling)));

        Assert.Equal(98.7, m.Effect<SupervisorEffect.Publish>().Data["usage"]);
        Assert.Equal(killed, m.Last.Effects.OfType<SupervisorEffect.Signal>().Any());
        Assert.Null(m.State.KillCause);
    }

    [Fact]
    public void Pids_refused_by_the_cgroup_are_only_reported_and_a_breach_of_an_old_process_is_ignored()
    {
        var m = TransitionsTests.Running(Limited(ResourceLimits.None with { Pids = 20 }));
        m.Feed(new SupervisorInput.ResourceExceeded(100, new LimitBreach(LimitBreach.Pids, 20, 20, LimitBreach.ByCgroup)));
        Assert.Empty(m.Last.Effects.OfType<SupervisorEffect.Signal>());

        m.Feed(new SupervisorInput.ResourceExceeded(99, new LimitBreach(LimitBreach.Pids, 30, 20, LimitBreach.BySampling)));
        Assert.Empty(m.Last.Effects);
    }
}
