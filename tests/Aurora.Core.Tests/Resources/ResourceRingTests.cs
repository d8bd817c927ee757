using Aurora.Core.Resources;

namespace Aurora.Core.Tests.Resources;

public sealed class ResourceRingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Holds_five_minutes_of_ticks_at_the_interval()
    {
        Assert.Equal(300, new ResourceRing(TimeSpan.FromSeconds(1)).Capacity);
        Assert.Equal(3000, new ResourceRing(TimeSpan.FromMilliseconds(100)).Capacity);
        Assert.Equal(3, new ResourceRing(TimeSpan.FromMinutes(2)).Capacity);
    }

    [Fact]
    public void Wraps_keeping_the_newest_ticks_oldest_first()
    {
        var ring = new ResourceRing(TimeSpan.FromMinutes(1)); // 5 ticks
        for (var i = 0; i < 8; i++)
        {
            ring.Append(T0.AddMinutes(i), [new ServiceSample("api", 1, i, (i + 1) * 1024L)]);
        }

        var series = Assert.Single(ring.Since(DateTimeOffset.MinValue));
        Assert.Equal("api", series.Name);
        Assert.Equal([3.0, 4, 5, 6, 7], series.Points.Select(p => p.CpuPercent));
        Assert.Equal(T0.AddMinutes(3).ToUnixTimeMilliseconds(), series.Points[0].UnixMs);
        Assert.Equal(8 * 1024L, series.Points[^1].MemoryBytes);
        Assert.Equal([6.0, 7], ring.Since(T0.AddMinutes(6)).Single().Points.Select(p => p.CpuPercent));
    }

    [Fact]
    public void Keeps_cpu_to_one_decimal_and_memory_exactly()
    {
        var ring = new ResourceRing(TimeSpan.FromSeconds(1));
        ring.Append(T0, [new ServiceSample("api", 42, 0.4, 31457280)]);

        Assert.Equal(new ServiceSample("api", 42, 0.4, 31457280), ring.Latest("api"));
        Assert.Equal(new ResourcePoint(T0.ToUnixTimeMilliseconds(), 0.4, 31457280), ring.Since(T0).Single().Points.Single());
    }

    [Fact]
    public void Latest_is_only_a_sample_of_the_newest_tick()
    {
        var ring = new ResourceRing(TimeSpan.FromSeconds(1));
        Assert.Null(ring.Latest("api"));
        ring.Append(T0, [new ServiceSample("api", 42, 1, 4096), new ServiceSample("db", 43, 2, 4096)]);
        ring.Append(T0.AddSeconds(1), [new ServiceSample("db", 43, 3, 4096)]);

        Assert.Null(ring.Latest("api")); // stopped since
        Assert.Equal(3, ring.Latest("db")!.Value.CpuPercent);
        Assert.Single(ring.Since(DateTimeOffset.MinValue).Single(s => s.Name == "api").Points);
    }

    [Fact]
    public void A_service_that_appears_later_has_no_samples_before_it()
    {
        var ring = new ResourceRing(TimeSpan.FromMinutes(1));
        ring.Append(T0, [new ServiceSample("api", 1, 1, 1024)]);
        ring.Append(T0.AddMinutes(1), [new ServiceSample("api", 1, 1, 1024), new ServiceSample("late", 2, 5, 2048)]);

        Assert.Equal([T0.AddMinutes(1).ToUnixTimeMilliseconds()],
            ring.Since(DateTimeOffset.MinValue).Single(s => s.Name == "late").Points.Select(p => p.UnixMs));
    }

    [Fact]
    public void A_service_without_samples_for_a_whole_window_is_dropped()
    {
        var ring = new ResourceRing(TimeSpan.FromMinutes(1));
        ring.Append(T0, [new ServiceSample("gone", 1, 1, 1024)]);
        for (var i = 1; i <= 5; i++)
        {
            ring.Append(T0.AddMinutes(i), [new ServiceSample("api", 2, 1, 1024)]);
        }

        Assert.Equal(["api"], ring.Since(DateTimeOffset.MinValue).Select(s => s.Name));
    }
}
