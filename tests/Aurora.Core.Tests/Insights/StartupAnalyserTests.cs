using Aurora.Core.Insights;

namespace Aurora.Core.Tests.Insights;

/// start_period and ready.timeout from the starts in the history.
public sealed class StartupAnalyserTests
{
    private const string Api = """
        services:
          api:
            command: app
            health: { http: "http://127.0.0.1:5001/", start_period: 5s }
        """;

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Starts_healthy_after_their_start_period_propose_a_longer_one_as_the_issue_words_it()
    {
        var h = new History(Api);
        for (var i = 0; i < 20; i++)
        {
            h.Start("api", i < 14 ? S(6 + (i % 4)) : S(3));
        }

        var insight = Assert.Single(h.Run(InsightKinds.StartPeriod));
        Assert.Equal("start-period:api", insight.Id);
        Assert.Equal("api: start_period 5s; 14 of its last 20 starts became healthy after 6–9 s; suggest 12s", insight.Summary);
        Assert.Equal(["services", "api", "health", "start_period"], insight.Proposal!.Path);
        Assert.Equal(("5s", "12s"), (insight.Proposal.Current, insight.Proposal.Proposed));
    }

    [Fact]
    public void Starts_killed_as_hung_before_their_first_check_say_the_service_needs_two_starts()
    {
        var h = new History(Api);
        for (var i = 0; i < 3; i++)
        {
            h.Start("api", healthy: null, runs: S(0.1), killedAfter: S(6.5 + (i * 0.2)));
            h.Start("api", S(4));
        }

        var insight = Assert.Single(h.Run(InsightKinds.StartPeriod));
        Assert.Equal("3 of its last 6 starts were killed as hung 6.5–6.9 s after start, before their first healthy check; 3 times the next start came up (it needs two starts)",
            Assert.Single(insight.Evidence));
        Assert.Equal("14s", insight.Proposal!.Proposed);
    }

    [Fact]
    public void A_few_late_starts_or_no_start_period_propose_nothing()
    {
        var few = new History(Api);
        few.Start("api", S(7));
        few.Start("api", S(8));
        for (var i = 0; i < 10; i++)
        {
            few.Start("api", S(2));
        }

        Assert.Empty(few.Run(InsightKinds.StartPeriod));

        var none = new History("services:\n  api:\n    command: app\n    health: { http: \"http://127.0.0.1:5001/\" }\n");
        for (var i = 0; i < 5; i++)
        {
            none.Start("api", S(9));
        }

        Assert.Empty(none.Run(InsightKinds.StartPeriod));
    }

    [Fact]
    public void The_id_is_stable_as_the_history_grows_and_replicas_are_pooled_under_their_name()
    {
        var h = new History("services:\n  api:\n    command: app\n    replicas: 2\n    health: { http: \"http://127.0.0.1:5001/\", start_period: 1s }\n");
        h.Start("api-1", S(2));
        h.Start("api-2", S(2.5));
        h.Start("api-1", S(2.2));
        var first = Assert.Single(h.Run(InsightKinds.StartPeriod));
        h.Start("api-2", S(4.5));
        var second = Assert.Single(h.Run(InsightKinds.StartPeriod));
        Assert.Equal(("start-period:api", "start-period:api"), (first.Id, second.Id));
        Assert.Equal("api", second.Service);
        Assert.Equal(("4s", "6s"), (first.Proposal!.Proposed, second.Proposal!.Proposed));
    }

    [Fact]
    public void Starts_killed_for_not_being_ready_propose_a_longer_ready_timeout()
    {
        var h = new History("services:\n  api:\n    command: app\n    ready: { log: listening, timeout: 10s }\n");
        for (var i = 0; i < 3; i++)
        {
            h.Start("api", healthy: null, killedAfter: S(10), killDetail: "not ready within 10s");
        }

        var insight = Assert.Single(h.Run(InsightKinds.ReadyTimeout));
        Assert.Equal("ready-timeout:api", insight.Id);
        Assert.Equal("api: ready.timeout 10s; 3 of its last 3 starts were killed for not being ready within 10s; suggest 20s", insight.Summary);
        Assert.Equal(["services", "api", "ready", "timeout"], insight.Proposal!.Path);
    }
}
