using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Health;

namespace Aurora.Core.Tests.Health;

public class HealthTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly HealthResult Ok = new(true, "HTTP 200", TimeSpan.FromMilliseconds(3));
    private static readonly HealthResult Bad = new(false, "HTTP 503", TimeSpan.FromMilliseconds(3));

    private static HealthCheckConfig Config(int retries = 3, double startPeriodSeconds = 0) =>
        new(HealthCheckKind.Http, "http://127.0.0.1:1/", ImmutableArray<string>.Empty, TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(1), retries, TimeSpan.FromSeconds(startPeriodSeconds));

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    [Fact]
    public void Is_unknown_until_the_first_result()
    {
        var tracker = new HealthTracker(Config(), T0);

        Assert.Equal(HealthStatus.Unknown, tracker.Status);
        Assert.Null(tracker.LastResult);
        Assert.False(tracker.Changed);
    }

    [Fact]
    public void First_success_is_healthy_and_a_change()
    {
        var tracker = new HealthTracker(Config(), T0);

        Assert.Equal(HealthStatus.Healthy, tracker.Observe(Ok, At(1)));
        Assert.True(tracker.Changed);
        Assert.Same(Ok, tracker.LastResult);

        Assert.Equal(HealthStatus.Healthy, tracker.Observe(Ok, At(2)));
        Assert.False(tracker.Changed);
    }

    [Fact]
    public void Becomes_unhealthy_only_after_retries_consecutive_failures()
    {
        var tracker = new HealthTracker(Config(retries: 3), T0);
        tracker.Observe(Ok, At(1));

        Assert.Equal(HealthStatus.Healthy, tracker.Observe(Bad, At(2)));
        Assert.False(tracker.Changed);
        Assert.Equal(HealthStatus.Healthy, tracker.Observe(Bad, At(3)));
        Assert.Equal(2, tracker.ConsecutiveFailures);

        Assert.Equal(HealthStatus.Unhealthy, tracker.Observe(Bad, At(4)));
        Assert.True(tracker.Changed);
        Assert.Equal(3, tracker.ConsecutiveFailures);

        Assert.Equal(HealthStatus.Unhealthy, tracker.Observe(Bad, At(5)));
        Assert.False(tracker.Changed);
        Assert.Equal(4, tracker.ConsecutiveFailures);
    }

    [Fact]
    public void A_success_resets_the_failure_count()
    {
        var tracker = new HealthTracker(Config(retries: 2), T0);
        tracker.Observe(Ok, At(1));
        tracker.Observe(Bad, At(2));
        tracker.Observe(Ok, At(3));

        Assert.Equal(0, tracker.ConsecutiveFailures);
        Assert.Equal(HealthStatus.Healthy, tracker.Observe(Bad, At(4)));
        Assert.Equal(HealthStatus.Unhealthy, tracker.Observe(Bad, At(5)));
    }

    [Fact]
    public void Recovers_to_healthy_on_one_success()
    {
        var tracker = new HealthTracker(Config(retries: 1), T0);
        tracker.Observe(Bad, At(1));
        Assert.Equal(HealthStatus.Unhealthy, tracker.Status);

        Assert.Equal(HealthStatus.Healthy, tracker.Observe(Ok, At(2)));
        Assert.True(tracker.Changed);
        Assert.Equal(0, tracker.ConsecutiveFailures);
    }

    [Fact]
    public void Never_healthy_service_turns_unhealthy_from_unknown_after_retries()
    {
        var tracker = new HealthTracker(Config(retries: 2), T0);

        Assert.Equal(HealthStatus.Unknown, tracker.Observe(Bad, At(1)));
        Assert.False(tracker.Changed);
        Assert.Equal(HealthStatus.Unhealthy, tracker.Observe(Bad, At(2)));
        Assert.True(tracker.Changed);
    }

    [Fact]
    public void Failures_inside_start_period_do_not_count()
    {
        var tracker = new HealthTracker(Config(retries: 1, startPeriodSeconds: 10), T0);

        for (var s = 0; s < 10; s++)
        {
            Assert.Equal(HealthStatus.Unknown, tracker.Observe(Bad, At(s)));
            Assert.Equal(0, tracker.ConsecutiveFailures);
            Assert.Same(Bad, tracker.LastResult);
        }

        // The start period is over at exactly processStartedAt + StartPeriod.
        Assert.Equal(HealthStatus.Unhealthy, tracker.Observe(Bad, At(10)));
        Assert.Equal(1, tracker.ConsecutiveFailures);
    }

    [Fact]
    public void Success_inside_start_period_counts_and_ends_the_grace()
    {
        var tracker = new HealthTracker(Config(retries: 2, startPeriodSeconds: 10), T0);

        Assert.Equal(HealthStatus.Healthy, tracker.Observe(Ok, At(2)));
        Assert.True(tracker.Changed);

        // Once it has been healthy, failures count even inside the start period (Docker's rule).
        Assert.Equal(HealthStatus.Healthy, tracker.Observe(Bad, At(3)));
        Assert.Equal(1, tracker.ConsecutiveFailures);
        Assert.Equal(HealthStatus.Unhealthy, tracker.Observe(Bad, At(4)));
    }

    [Fact]
    public void Zero_retries_is_treated_as_one()
    {
        var tracker = new HealthTracker(Config(retries: 0), T0);

        Assert.Equal(HealthStatus.Unhealthy, tracker.Observe(Bad, At(1)));
    }
}
