using Aurora.Core.Config;
using Aurora.Core.Supervision;

namespace Aurora.Core.Tests.Supervision;

public class BackoffTests
{
    private static readonly BackoffOptions Options = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), 2, TimeSpan.FromSeconds(60), 0.2);

    [Fact]
    public void Grows_exponentially_and_caps_at_max_without_jitter()
    {
        var delays = Enumerable.Range(1, 9).Select(a => Backoff.Next(a, Options, () => 0.5).TotalMilliseconds).ToArray();
        Assert.Equal([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000], delays);
    }

    [Theory]
    [InlineData(0.0, 800)]
    [InlineData(0.999999, 1200)]
    public void Jitter_stays_within_its_fraction(double random, double expectedMs) =>
        Assert.Equal(expectedMs, Backoff.Next(2, Options, () => random).TotalMilliseconds, 0.01);

    [Fact]
    public void Jitter_never_exceeds_max() =>
        Assert.Equal(30000, Backoff.Next(20, Options, () => 0.999).TotalMilliseconds);

    [Fact]
    public void Zero_initial_means_immediate_restart() =>
        Assert.Equal(TimeSpan.Zero, Backoff.Next(7, Options with { Initial = TimeSpan.Zero }, () => 0.9));

    [Fact]
    public void Huge_attempt_numbers_do_not_overflow() =>
        Assert.Equal(30000, Backoff.Next(int.MaxValue, Options, () => 0.5).TotalMilliseconds);
}

public class RestartLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Trips_on_the_failure_after_count_within_window()
    {
        var limiter = new RestartLimiter(new RestartLimit(3, TimeSpan.FromSeconds(10)));
        Assert.False(limiter.RecordFailure(T0));
        Assert.False(limiter.RecordFailure(T0.AddSeconds(1)));
        Assert.False(limiter.RecordFailure(T0.AddSeconds(2)));
        Assert.True(limiter.RecordFailure(T0.AddSeconds(3)));
    }

    [Fact]
    public void Failures_older_than_the_window_are_forgotten()
    {
        var limiter = new RestartLimiter(new RestartLimit(2, TimeSpan.FromSeconds(10)));
        limiter.RecordFailure(T0);
        limiter.RecordFailure(T0.AddSeconds(1));
        Assert.False(limiter.RecordFailure(T0.AddSeconds(11.5)));
        Assert.Equal(1, limiter.RecentFailures);
    }
}
