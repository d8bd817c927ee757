using Aurora.Core.Resources;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Resources;

public sealed class MemoryResourceHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Keeps_seven_days_by_default_and_what_monitor_history_says()
    {
        var time = new FakeTimeProvider(Now);
        var history = new MemoryResourceHistory(time);
        history.Append([Row("api", Now.AddDays(-8)), Row("api", Now.AddDays(-6)), Row("api", Now.AddHours(-1))]);

        Assert.Equal([Now.AddDays(-6), Now.AddHours(-1)], (await Read(history)).Select(m => m.Minute));

        history.Retain(TimeSpan.FromHours(2));
        Assert.Equal([Now.AddHours(-1)], (await Read(history)).Select(m => m.Minute));

        time.Advance(TimeSpan.FromHours(1.5));
        Assert.Empty(await Read(history));
    }

    [Fact]
    public async Task Reads_one_service_or_all_since_a_time_by_minute()
    {
        var history = new MemoryResourceHistory(new FakeTimeProvider(Now));
        history.Append([Row("db", Now.AddMinutes(-2)), Row("api", Now.AddMinutes(-2)), Row("api", Now.AddMinutes(-3)), Row("api", Now.AddMinutes(-1))]);

        Assert.Equal(["api@-3", "api@-2", "db@-2", "api@-1"],
            (await history.ReadAsync(null, DateTimeOffset.MinValue, CancellationToken.None)).Select(Label));
        Assert.Equal(["api@-2", "api@-1"],
            (await history.ReadAsync("api", Now.AddMinutes(-2), CancellationToken.None)).Select(Label));
    }

    [Fact]
    public async Task A_minute_written_twice_is_merged()
    {
        var history = new MemoryResourceHistory(new FakeTimeProvider(Now));
        var minute = Now.AddMinutes(-1);
        history.Append([new MinuteSample("api", minute, 1, 2, 3, 100, 200, 300)]);
        history.Append([new MinuteSample("api", minute, 0.5, 4, 5, 150, 400, 900)]);

        Assert.Equal(new MinuteSample("api", minute, 0.5, 3, 5, 100, 300, 900), Assert.Single(await Read(history)));
    }

    private static Task<IReadOnlyList<MinuteSample>> Read(IResourceHistory history) =>
        history.ReadAsync(null, DateTimeOffset.MinValue, CancellationToken.None);

    private static MinuteSample Row(string service, DateTimeOffset minute) => new(service, minute, 1, 1, 1, 1, 1, 1);

    private static string Label(MinuteSample m) => $"{m.Service}@{(m.Minute - Now).TotalMinutes}";
}
