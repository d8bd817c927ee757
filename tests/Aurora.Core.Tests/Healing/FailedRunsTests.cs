using System.Text.Json;
using Aurora.Core.Healing;

namespace Aurora.Core.Tests.Healing;

/// A fix is verified only once the service has stayed up longer than its failed run did (twice that, between
/// ServiceWaiter.Settle and healing.verify_timeout): a Java program out of heap 2–3 s after each start had its
/// restart "verified" after 1 s, three times, before its restart limit quarantined it.
public sealed class FailedRunsTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(10);

    private static JsonElement Exit(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void A_run_that_failed_after_two_and_a_half_seconds_asks_for_five()
    {
        var runs = new FailedRuns();
        runs.Exited("app", Exit("""{"pid": 7, "exit_code": 1, "uptime_ms": 2520, "success": false}"""));
        Assert.Equal(TimeSpan.FromMilliseconds(5040), runs.StayUp("app", Cap));
    }

    [Fact]
    public void A_quick_failure_keeps_the_one_second_minimum()
    {
        var runs = new FailedRuns();
        runs.Exited("app", Exit("""{"exit_code": 127, "uptime_ms": 40, "success": false}"""));
        Assert.Equal(ServiceWaiter.Settle, runs.StayUp("app", Cap));
    }

    [Fact]
    public void A_long_run_is_capped_at_the_verify_timeout()
    {
        var runs = new FailedRuns();
        runs.Exited("app", Exit("""{"signal": "SIGKILL", "uptime_ms": 3600000, "success": false}"""));
        Assert.Equal(Cap, runs.StayUp("app", Cap));
    }

    [Fact]
    public void Stops_that_were_asked_for_and_successful_exits_are_not_failed_runs()
    {
        var runs = new FailedRuns();
        runs.Exited("app", Exit("""{"signal": "SIGTERM", "uptime_ms": 9000, "success": false, "requested": true}"""));
        runs.Exited("app", Exit("""{"exit_code": 0, "uptime_ms": 8000, "success": true}"""));
        Assert.Equal(ServiceWaiter.Settle, runs.StayUp("app", Cap));
    }

    [Fact]
    public void The_last_failed_run_counts_and_services_are_apart()
    {
        var runs = new FailedRuns();
        runs.Exited("app", Exit("""{"exit_code": 1, "uptime_ms": 4000, "success": false}"""));
        runs.Exited("app", Exit("""{"exit_code": 1, "uptime_ms": 1500, "success": false}"""));
        Assert.Equal(TimeSpan.FromSeconds(3), runs.StayUp("app", Cap));
        Assert.Equal(ServiceWaiter.Settle, runs.StayUp("other", Cap));
    }

    [Fact]
    public void A_verify_timeout_under_the_minimum_still_allows_the_minimum() =>
        Assert.Equal(ServiceWaiter.Settle, FailedRuns.Window(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
}
