using Aurora.Core.Resources;

namespace Aurora.Core.Tests.Resources;

public sealed class ResourceSamplerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Cpu_percent_is_the_delta_of_the_tree_over_each_tick()
    {
        await using var h = new SamplerHarness(Second);
        h.Run("api", 42, 0, 30 << 20);
        h.Sampler.Start();

        h.Trees.Set(42, cpuTicks: 50, rssBytes: 30 << 20);
        var first = await h.AdvanceToTickAsync(Second);
        h.Trees.Set(42, cpuTicks: 80, rssBytes: 31 << 20);
        var second = await h.AdvanceToTickAsync(Second);
        h.Trees.Set(42, cpuTicks: 330, rssBytes: 31 << 20);
        var third = await h.AdvanceToTickAsync(Second);

        Assert.Equal(new ServiceSample("api", 42, 50, 30 << 20), Assert.Single(first.Services));
        Assert.Equal(new ServiceSample("api", 42, 30, 31 << 20), Assert.Single(second.Services));
        Assert.Equal(250, Assert.Single(third.Services).CpuPercent); // 2.5 cores of a multi-threaded tree
        Assert.Equal(SamplerHarness.Start + TimeSpan.FromSeconds(3), third.Time);
        Assert.Equal(Second, third.Interval);
    }

    [Fact]
    public async Task A_new_pid_starts_over_from_its_own_start_not_from_the_old_process()
    {
        await using var h = new SamplerHarness(Second);
        h.Run("api", 42, 500, 1 << 20);
        h.Sampler.Start();
        await h.AdvanceToTickAsync(Second);

        // Restarted half a second before the tick: 20 ticks (0.2 s of CPU) within the last interval is 20 %,
        // where a delta from the old process's 500 ticks would be negative.
        h.Time.Advance(TimeSpan.FromMilliseconds(500));
        h.Run("api", 43, 20, 2 << 20);
        var tick = await h.AdvanceToTickAsync(TimeSpan.FromMilliseconds(500));

        Assert.Equal(new ServiceSample("api", 43, 20, 2 << 20), Assert.Single(tick.Services));
    }

    [Fact]
    public async Task A_process_found_running_is_measured_on_average_since_its_start()
    {
        await using var h = new SamplerHarness(Second);
        h.Run("old", 7, startedAt: SamplerHarness.Start - TimeSpan.FromSeconds(9));
        h.Trees.Set(7, 250, 1 << 20);
        h.Sampler.Start();

        var tick = await h.AdvanceToTickAsync(Second);

        Assert.Equal(25, Assert.Single(tick.Services).CpuPercent); // 2.5 s of CPU over its 10 s
    }

    [Fact]
    public async Task Only_services_with_a_live_process_are_in_a_sample()
    {
        await using var h = new SamplerHarness(Second);
        h.Run("api", 42);
        h.Run("gone", 43); // its process has exited; the supervisor has not said so yet
        h.Stop("stopped");
        h.Trees.Set(42, 0, 1 << 20);
        h.Sampler.Start();

        var tick = await h.AdvanceToTickAsync(Second);

        Assert.Equal(["api"], tick.Services.Select(s => s.Name));
    }

    [Fact]
    public async Task The_ring_has_the_newest_sample_for_status()
    {
        await using var h = new SamplerHarness(Second);
        h.Run("api", 42, 10, 5 << 20);
        h.Sampler.Start();
        Assert.Null(h.Sampler.Ring);

        await h.AdvanceToTickAsync(Second);

        Assert.Equal(new ServiceSample("api", 42, 10, 5 << 20), h.Sampler.Ring!.Latest("api"));
        Assert.Equal(300, h.Sampler.Ring.Capacity);
    }

    [Fact]
    public async Task A_closed_minute_is_written_to_the_history_with_min_avg_max()
    {
        await using var h = new SamplerHarness(Second, SamplerHarness.Start + TimeSpan.FromSeconds(57));
        h.Run("api", 42, 0, 10 << 20);
        h.Sampler.Start();

        // 18:12:58 and 18:12:59: 10 % then 30 %; 18:13:00 opens the next minute and closes this one.
        h.Trees.Set(42, 10, 10 << 20);
        await h.AdvanceToTickAsync(Second);
        h.Trees.Set(42, 40, 20 << 20);
        await h.AdvanceToTickAsync(Second);
        Assert.Empty(await h.History.ReadAsync(null, DateTimeOffset.MinValue, CancellationToken.None));
        h.Trees.Set(42, 40, 20 << 20);
        await h.AdvanceToTickAsync(Second);

        var minute = Assert.Single(await h.History.ReadAsync("api", DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Equal(new MinuteSample("api", SamplerHarness.Start, 10, 20, 30, 10 << 20, 15 << 20, 20 << 20), minute);
    }

    [Fact]
    public async Task Stopping_the_sampler_writes_the_minute_in_progress()
    {
        var h = new SamplerHarness(Second);
        h.Run("api", 42, 0, 1 << 20);
        h.Sampler.Start();
        await h.AdvanceToTickAsync(Second);

        await h.DisposeAsync();

        Assert.Single(await h.History.ReadAsync("api", DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task Sampling_off_publishes_nothing_and_writes_no_history()
    {
        var h = new SamplerHarness(interval: null);
        h.Run("api", 42, 0, 1 << 20);
        h.Sampler.Start();
        for (var i = 0; i < 120; i++)
        {
            h.Time.Advance(Second);
        }

        await h.DisposeAsync();

        Assert.False(h.TryTakeTick(out _));
        Assert.Null(h.Sampler.Ring);
        Assert.Empty(await h.History.ReadAsync(null, DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task A_sampler_that_is_off_starts_at_the_interval_a_reload_sets()
    {
        await using var h = new SamplerHarness(interval: null);
        h.Run("api", 42, 0, 1 << 20);
        h.Sampler.Start();

        h.Monitor = h.Monitor with { SampleInterval = TimeSpan.FromMilliseconds(500) };
        var tick = await h.AdvanceToTickAsync(Second); // the once-a-second check sees it...
        Assert.Equal(TimeSpan.FromMilliseconds(500), tick.Interval);
        tick = await h.AdvanceToTickAsync(TimeSpan.FromMilliseconds(500)); // ...and re-times the timer
        Assert.Equal(SamplerHarness.Start + TimeSpan.FromMilliseconds(1500), tick.Time);
        Assert.Equal(600, h.Sampler.Ring!.Capacity);
    }

    [Fact]
    public async Task A_reload_to_off_drops_the_ring_and_writes_the_open_minute()
    {
        await using var h = new SamplerHarness(Second);
        h.Run("api", 42, 0, 1 << 20);
        h.Sampler.Start();
        await h.AdvanceToTickAsync(Second);
        await h.AdvanceToTickAsync(Second);

        h.Monitor = h.Monitor with { SampleInterval = null };
        h.Time.Advance(Second);
        var written = await h.History.Appended.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().DefaultTimeout();

        Assert.Equal("api", Assert.Single(written).Service);
        Assert.Null(h.Sampler.Ring);

        // On again: a fresh ring, without the samples from before.
        h.Monitor = h.Monitor with { SampleInterval = Second };
        await h.AdvanceToTickAsync(Second);
        Assert.Single(Assert.Single(h.Sampler.Ring!.Since(DateTimeOffset.MinValue)).Points);
    }

    [Fact]
    public async Task A_new_history_bound_reaches_the_store()
    {
        await using var h = new SamplerHarness(Second);
        h.History.Append([new MinuteSample("api", SamplerHarness.Start - TimeSpan.FromHours(3), 1, 1, 1, 1, 1, 1)]);
        h.Monitor = h.Monitor with { History = TimeSpan.FromHours(2) };
        h.Sampler.Start();

        Assert.Empty(await h.History.ReadAsync(null, DateTimeOffset.MinValue, CancellationToken.None));
    }
}
