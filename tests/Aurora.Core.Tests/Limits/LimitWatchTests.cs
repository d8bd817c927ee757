using Aurora.Core.Config;
using Aurora.Core.Limits;
using Aurora.Core.Resources;

namespace Aurora.Core.Tests.Limits;

/// The sampler's check of `limits:`, tick by tick.
public class LimitWatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ResourceLimits Memory64 = ResourceLimits.None with { MemoryBytes = 64L << 20 };

    private readonly LimitWatch _watch = new();

    private List<LimitBreach> Check(ServiceSample sample, ResourceLimits limits, DateTimeOffset at, LimitKinds kernel = LimitKinds.None, long refused = 0)
    {
        var breaches = new List<LimitBreach>();
        _watch.Check(sample, limits, kernel, refused, at, breaches);
        return breaches;
    }

    [Fact]
    public void Memory_over_the_limit_is_one_kill_per_process()
    {
        Assert.Empty(Check(new("api", 10, 1, 60L << 20), Memory64, T0));
        var breach = Assert.Single(Check(new("api", 10, 1, 70L << 20), Memory64, T0.AddSeconds(1)));
        Assert.Equal(new LimitBreach(LimitBreach.Memory, 70L << 20, 64L << 20, LimitBreach.BySampling), breach);
        Assert.Empty(Check(new("api", 10, 1, 80L << 20), Memory64, T0.AddSeconds(2)));

        // The restarted process is watched afresh.
        Assert.Single(Check(new("api", 11, 1, 70L << 20), Memory64, T0.AddSeconds(3)));
    }

    [Fact]
    public void Memory_the_kernel_enforces_is_left_to_it()
    {
        Assert.Empty(Check(new("api", 10, 1, 70L << 20), Memory64, T0, LimitKinds.Memory));
    }

    [Fact]
    public void Pids_by_sampling_kill_past_the_limit_and_by_cgroup_report_the_first_refusal()
    {
        var pids = ResourceLimits.None with { Pids = 20 };
        Assert.Empty(Check(new("api", 10, 0, 1, 20), pids, T0));
        Assert.Equal(new LimitBreach(LimitBreach.Pids, 23, 20, LimitBreach.BySampling), Assert.Single(Check(new("api", 10, 0, 1, 23), pids, T0.AddSeconds(1))));

        Assert.Empty(Check(new("web", 20, 0, 1, 20), pids, T0, LimitKinds.Pids, refused: 0));
        Assert.Equal(new LimitBreach(LimitBreach.Pids, 20, 20, LimitBreach.ByCgroup),
            Assert.Single(Check(new("web", 20, 0, 1, 20), pids, T0.AddSeconds(1), LimitKinds.Pids, refused: 3)));
        Assert.Empty(Check(new("web", 20, 0, 1, 20), pids, T0.AddSeconds(2), LimitKinds.Pids, refused: 9));
    }

    [Fact]
    public void Cpu_over_the_limit_for_the_whole_window_is_one_breach_per_episode()
    {
        var cpu = ResourceLimits.None with { CpuPercent = 50, For = TimeSpan.FromSeconds(3) };
        Assert.Empty(Check(new("api", 10, 80, 1), cpu, T0));
        Assert.Empty(Check(new("api", 10, 80, 1), cpu, T0.AddSeconds(2)));
        Assert.Equal(new LimitBreach(LimitBreach.Cpu, 90, 50, LimitBreach.BySampling), Assert.Single(Check(new("api", 10, 90, 1), cpu, T0.AddSeconds(3))));
        Assert.Empty(Check(new("api", 10, 90, 1), cpu, T0.AddSeconds(4)));

        // It drops below, then stays over again for the window: a second episode.
        Assert.Empty(Check(new("api", 10, 10, 1), cpu, T0.AddSeconds(5)));
        Assert.Empty(Check(new("api", 10, 70, 1), cpu, T0.AddSeconds(6)));
        Assert.Single(Check(new("api", 10, 70, 1), cpu, T0.AddSeconds(9)));
    }

    [Fact]
    public void Under_a_cgroup_quota_cpu_held_at_the_quota_counts_as_over()
    {
        var cpu = ResourceLimits.None with { CpuPercent = 50, For = TimeSpan.Zero };
        Assert.Empty(Check(new("api", 10, 49, 1), cpu, T0));
        Assert.Equal(LimitBreach.ByCgroup, Assert.Single(Check(new("api", 10, 49, 1), cpu, T0, LimitKinds.Cpu)).EnforcedBy);
    }

    [Fact]
    public void A_service_not_sampled_any_more_is_forgotten()
    {
        Assert.Single(Check(new("api", 10, 1, 70L << 20), Memory64, T0));
        _watch.Forget(T0.AddSeconds(1));
        Assert.Single(Check(new("api", 10, 1, 70L << 20), Memory64, T0.AddSeconds(1)));
    }
}
