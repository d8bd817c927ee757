using Aurora.Core.Events;
using Aurora.Core.Insights;
using Aurora.Core.Resources;

namespace Aurora.Core.Tests.Insights;

/// Health timeouts, memory and restart limits, failing fixes.
public sealed class ResourceAnalyserTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Checks_that_time_out_while_the_process_recovers_propose_a_longer_timeout()
    {
        var h = new History("services:\n  api:\n    command: app\n    health: { http: \"http://127.0.0.1:1/\", timeout: 2s }\n");
        h.Event(EventTypes.ServiceStarted, "api", new EventData().Add("pid", 7));
        for (var i = 0; i < 3; i++)
        {
            h.Advance(TimeSpan.FromMinutes(10));
            h.Event(EventTypes.ServiceUnhealthy, "api", new EventData().Add("pid", 7).Add("detail", "timed out after 2s").Add("timed_out", true));
            h.Advance(TimeSpan.FromSeconds(5));
            h.Event(EventTypes.ServiceHealthy, "api", new EventData().Add("pid", 7));
        }

        var insight = Assert.Single(h.Run(InsightKinds.HealthTimeout));
        Assert.Equal("api: health.timeout 2s; its check timed out 3 times while the process was fine (3 recovered by themselves); suggest 4s", insight.Summary);
        Assert.Equal("services.api.health.timeout", insight.Proposal!.KeyPath);
    }

    [Fact]
    public void A_memory_limit_hit_twice_is_raised_and_one_far_above_use_is_lowered()
    {
        var hit = new History("services:\n  api:\n    command: app\n    limits: { memory: 256MiB }\n");
        hit.Incident("api", "out_of_memory", TimeSpan.FromSeconds(4));
        hit.Advance(TimeSpan.FromDays(2));
        hit.Incident("api", "out_of_memory", TimeSpan.FromSeconds(4));
        var raise = Assert.Single(hit.Run(InsightKinds.MemoryLimit));
        Assert.Equal("api: limits.memory 256MiB; hit 2 times in the last 30 days; suggest 384MiB", raise.Summary);

        var idle = new History("services:\n  api:\n    command: app\n    limits: { memory: 1GiB }\n");
        for (var m = 0; m < 90; m++)
        {
            idle.Minutes.Add(new MinuteSample("api", History.T0.AddMinutes(m), 0, 1, 2, 30 * MiB, 35 * MiB, (m == 40 ? 41 : 38) * MiB));
        }

        var lower = Assert.Single(idle.Run(InsightKinds.MemoryLimit));
        Assert.Equal("api: limits.memory 1GiB; it never used more than 41MiB in 90 sampled minutes; suggest 96MiB", lower.Summary);
        Assert.Equal(("1GiB", "96MiB"), (lower.Proposal!.Current, lower.Proposal.Proposed));

        idle.Minutes.RemoveRange(0, 40);
        Assert.Empty(idle.Run(InsightKinds.MemoryLimit));
    }

    [Fact]
    public void Repeated_quarantines_that_then_ran_fine_propose_a_higher_restart_limit()
    {
        var h = new History("services:\n  api:\n    command: app\n    restart: { limit: { count: 3, within: 60s } }\n");
        for (var i = 0; i < 2; i++)
        {
            h.Event(EventTypes.ServiceFailed, "api", new EventData().Add("cause", "crash_loop"));
            h.Advance(TimeSpan.FromMinutes(5));
            h.Start("api", TimeSpan.FromSeconds(1), runs: TimeSpan.FromHours(3));
        }

        var insight = Assert.Single(h.Run(InsightKinds.RestartLimit));
        Assert.Equal("restart-limit:api", insight.Id);
        Assert.Equal(("3", "6"), (insight.Proposal!.Current, insight.Proposal.Proposed));
        Assert.Equal("services.api.restart.limit.count", insight.Proposal.KeyPath);
    }

    [Fact]
    public void A_user_fix_that_never_works_is_proposed_for_removal_and_a_built_in_one_is_reported()
    {
        var h = new History("""
            services:
              api:
                command: app
                fixes:
                  - cause: crash_loop
                    run: ["./reset.sh"]
            """);
        for (var i = 0; i < 3; i++)
        {
            h.Event(EventTypes.FixRolledBack, "api", new EventData().Add("fix", "user:0:./reset.sh"));
            h.Event(EventTypes.FixRolledBack, "api", new EventData().Add("fix", "run_install"));
        }

        var insights = h.Run(InsightKinds.FailingFix);
        Assert.Equal(["failing-fix:api:0", "failing-fix:api:run_install"], insights.Select(i => i.Id));
        Assert.Equal("services.api.fixes[0]", insights[0].Proposal!.KeyPath);
        Assert.True(insights[0].Proposal!.Removes);
        Assert.Null(insights[1].Proposal);

        h.Event(EventTypes.FixVerified, "api", new EventData().Add("fix", "run_install"));
        Assert.Equal(["failing-fix:api:0"], h.Run(InsightKinds.FailingFix).Select(i => i.Id));
    }
}
