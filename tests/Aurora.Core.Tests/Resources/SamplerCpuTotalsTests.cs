namespace Aurora.Core.Tests.Resources;

/// The sampler's reads also feed the CPU seconds counter of /metrics, across a service's restarts.
public sealed class SamplerCpuTotalsTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Each_tick_adds_the_trees_cpu_time_and_a_restart_does_not_set_it_back()
    {
        await using var h = new SamplerHarness(Second);
        h.Run("api", 42, 100, 1 << 20);
        h.Sampler.Start();
        await h.AdvanceToTickAsync(Second);
        Assert.Equal(1.0, h.Sampler.CpuTotals.Seconds("api"));

        h.Trees.Set(42, cpuTicks: 250, rssBytes: 1 << 20);
        await h.AdvanceToTickAsync(Second);
        Assert.Equal(2.5, h.Sampler.CpuTotals.Seconds("api"));

        h.Run("api", 43, 30, 1 << 20);
        await h.AdvanceToTickAsync(Second);
        Assert.Equal(2.8, h.Sampler.CpuTotals.Seconds("api")!.Value, precision: 9);
    }
}
