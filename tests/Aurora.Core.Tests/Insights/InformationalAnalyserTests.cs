using Aurora.Core.Events;
using Aurora.Core.Insights;

namespace Aurora.Core.Tests.Insights;

/// MTBF/MTTR, flapping and time-of-day clusters: figures, no config change.
public sealed class InformationalAnalyserTests
{
    private const string Api = "services:\n  api:\n    command: app\n";

    [Fact]
    public void Mtbf_and_mttr_come_from_the_incidents()
    {
        var h = new History(Api);
        h.Incident("api", "port_conflict", TimeSpan.FromSeconds(10));
        h.Advance(TimeSpan.FromHours(3));
        h.Incident("api", "port_conflict", TimeSpan.FromSeconds(20));
        h.Advance(TimeSpan.FromHours(3));
        h.Incident("api", "out_of_memory");

        var insight = Assert.Single(h.Run(InsightKinds.Reliability));
        Assert.Equal("api: 3 incidents in 6h 0m; MTBF 3h 0m, MTTR 15s (2 resolved)", insight.Summary);
        Assert.Contains("causes: port_conflict ×2, out_of_memory ×1", insight.Evidence);
        Assert.Null(insight.Proposal);
    }

    [Fact]
    public void Six_downs_within_an_hour_is_flapping_and_five_is_not()
    {
        var h = new History(Api);
        for (var i = 0; i < 5; i++)
        {
            h.Event(EventTypes.ServiceUnhealthy, "api", new EventData().Add("detail", "HTTP 503"));
            h.Advance(TimeSpan.FromMinutes(11));
        }

        Assert.Empty(h.Run(InsightKinds.Flapping));
        h.Event(EventTypes.ServiceExited, "api", new EventData().Add("exit_code", 1));
        h.Event(EventTypes.ServiceExited, "api", new EventData().Add("exit_code", 0).Add("requested", true));
        var insight = Assert.Single(h.Run(InsightKinds.Flapping));
        Assert.Equal("api is flapping: it went down 6 times within an hour (09:00–09:55Z)", insight.Summary);
    }

    [Fact]
    public void Restarts_clustered_in_two_hours_of_the_day_are_told_in_the_hosts_zone()
    {
        var h = new History(Api);
        h.Now = new DateTimeOffset(2026, 11, 1, 2, 10, 0, TimeSpan.Zero);
        for (var day = 0; day < 6; day++)
        {
            h.Event(EventTypes.ServiceExited, "api", new EventData().Add("exit_code", 137));
            h.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(day * 7));
        }

        h.Advance(TimeSpan.FromHours(9));
        h.Event(EventTypes.ServiceExited, "api", new EventData().Add("exit_code", 1));
        var insight = Assert.Single(h.Run(InsightKinds.TimeOfDay));
        Assert.Equal("api: 6 of its 7 restarts in the last 30 days began between 02:00 and 04:00 (UTC)", insight.Summary);
    }
}
