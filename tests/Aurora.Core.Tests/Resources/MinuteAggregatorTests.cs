using Aurora.Core.Resources;

namespace Aurora.Core.Tests.Resources;

public sealed class MinuteAggregatorTests
{
    private static readonly DateTimeOffset Minute = new(2026, 12, 1, 18, 12, 0, TimeSpan.Zero);

    [Fact]
    public void A_minute_closes_with_min_avg_max_per_service_when_the_next_begins()
    {
        var minutes = new MinuteAggregator();
        Assert.Null(minutes.Add(Minute.AddSeconds(1), [new("api", 1, 1.5, 100), new("db", 2, 7, 1000)]));
        Assert.Null(minutes.Add(Minute.AddSeconds(30), [new("api", 1, 0.5, 300)]));
        Assert.Null(minutes.Add(Minute.AddSeconds(59.9), [new("api", 1, 4, 200)]));

        var closed = minutes.Add(Minute.AddMinutes(1), [new("api", 1, 9, 9)]);

        Assert.Equal(
        [
            new MinuteSample("api", Minute, 0.5, 2, 4, 100, 200, 300),
            new MinuteSample("db", Minute, 7, 7, 7, 1000, 1000, 1000),
        ], closed!.OrderBy(m => m.Service));
    }

    [Fact]
    public void A_service_missing_from_a_minute_has_no_row_for_it()
    {
        var minutes = new MinuteAggregator();
        minutes.Add(Minute, [new("api", 1, 1, 1), new("db", 2, 1, 1)]);
        minutes.Add(Minute.AddMinutes(1), [new("api", 1, 1, 1)]);

        var closed = minutes.Add(Minute.AddMinutes(2), []);

        Assert.Equal(["api"], closed!.Select(m => m.Service));
        Assert.Empty(minutes.Close()); // the minute at +2 had no samples
    }

    [Fact]
    public void A_clock_set_back_closes_the_minute_too()
    {
        var minutes = new MinuteAggregator();
        minutes.Add(Minute, [new("api", 1, 1, 1)]);

        Assert.Equal(Minute, Assert.Single(minutes.Add(Minute.AddMinutes(-5), [new("api", 1, 1, 1)])!).Minute);
    }

    [Fact]
    public void Minutes_are_utc_whatever_the_offset_of_the_clock()
    {
        var minutes = new MinuteAggregator();
        minutes.Add(new DateTimeOffset(2026, 12, 1, 19, 12, 30, TimeSpan.FromHours(1)), [new("api", 1, 1, 1)]);

        var minute = Assert.Single(minutes.Close()).Minute;
        Assert.Equal(Minute, minute);
        Assert.Equal(TimeSpan.Zero, minute.Offset);
    }
}
