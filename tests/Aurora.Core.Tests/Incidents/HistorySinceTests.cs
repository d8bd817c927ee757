using Aurora.Core.Incidents;

namespace Aurora.Core.Tests.Incidents;

public class HistorySinceTests
{
    // 2026-11-24 10:15 UTC is 11:15 in Paris (UTC+1 in November).
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 15, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.CreateCustomTimeZone("Test/Paris", TimeSpan.FromHours(1), "Paris", "Paris");

    [Theory]
    [InlineData("2h", "2026-11-24T08:15:00Z")]
    [InlineData("in the last hour", "2026-11-24T09:15:00Z")]
    [InlineData("last hour", "2026-11-24T09:15:00Z")]
    [InlineData("past 30 minutes", "2026-11-24T09:45:00Z")]
    [InlineData("over the past 2 days", "2026-11-22T10:15:00Z")]
    [InlineData("3 hours ago", "2026-11-24T07:15:00Z")]
    [InlineData("an hour ago", "2026-11-24T09:15:00Z")]
    [InlineData("since 90m", "2026-11-24T08:45:00Z")]
    [InlineData("this week", "2026-11-17T10:15:00Z")]
    [InlineData("today", "2026-11-23T23:00:00Z")]
    [InlineData("since yesterday", "2026-11-22T23:00:00Z")]
    [InlineData("Yesterday", "2026-11-22T23:00:00Z")]
    [InlineData("last night", "2026-11-22T23:00:00Z")]
    [InlineData("2026-11-24T06:00:00Z", "2026-11-24T06:00:00Z")]
    public void Reads_durations_times_and_phrases(string text, string expected)
    {
        Assert.True(HistorySince.TryParse(text, Now, Paris, out var since));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), since);
    }

    [Theory]
    [InlineData("the last 50 lines")]
    [InlineData("since forever")]
    [InlineData("last")]
    [InlineData("in the last 0 hours")]
    public void Refuses_what_is_not_a_time(string text) =>
        Assert.False(HistorySince.TryParse(text, Now, Paris, out _));

    [Fact]
    public void Blank_means_no_bound() =>
        Assert.True(HistorySince.TryParse(" ", Now, Paris, out var since) && since is null);
}
