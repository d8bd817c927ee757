using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Health;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Health;

public partial class HealthSchedulerTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    private readonly FakeTimeProvider _time = new();
    private readonly DateTimeOffset _t0;

    public HealthSchedulerTests() => _t0 = _time.GetUtcNow();

    private static HealthCheckConfig Config(double intervalMs = 1000, double timeoutMs = 500) =>
        new(HealthCheckKind.Http, "http://127.0.0.1:1/", ImmutableArray<string>.Empty,
            TimeSpan.FromMilliseconds(intervalMs), TimeSpan.FromMilliseconds(timeoutMs), 3, TimeSpan.Zero);

    /// Advances in small steps, as a real clock would, so every timer fires at its own time.
    private void Advance(double ms)
    {
        var end = _time.GetUtcNow().AddMilliseconds(ms);
        while (_time.GetUtcNow() < end)
        {
            var left = end - _time.GetUtcNow();
            _time.Advance(left < Step ? left : Step);
        }
    }

    private double[] Ms(IEnumerable<DateTimeOffset> times) => [.. times.Select(t => (t - _t0).TotalMilliseconds)];

    [Fact]
    public async Task Checks_at_once_then_every_interval_from_check_start()
    {
        await using var scheduler = new HealthScheduler(_time);
        // Each check takes 300 ms: the next still starts one interval after the previous *start*.
        var probe = new FakeProbe(_time, FakeProbe.Takes(TimeSpan.FromMilliseconds(300), _time));
        var results = new ResultLog(_time);

        scheduler.Schedule(Config(intervalMs: 1000), probe, results.Add);
        Advance(5000);

        Assert.Equal([0, 1000, 2000, 3000, 4000, 5000], Ms(probe.Starts));
        Assert.Equal([300, 1300, 2300, 3300, 4300], Ms(results.Entries.Select(e => e.At)));
        Assert.All(results.Entries, e => Assert.True(e.Result.Healthy));
    }

    [Fact]
    public async Task Hung_probe_is_timed_out_at_timeout_and_next_check_is_on_schedule()
    {
        await using var scheduler = new HealthScheduler(_time);
        var probe = new FakeProbe(_time, FakeProbe.HangUntilCancelled);
        var results = new ResultLog(_time);

        scheduler.Schedule(Config(intervalMs: 1000, timeoutMs: 400), probe, results.Add);
        Advance(3000);

        Assert.Equal([0, 1000, 2000, 3000], Ms(probe.Starts));
        Assert.Equal([400, 1400, 2400], Ms(results.Entries.Select(e => e.At)));
        Assert.All(results.Entries, e =>
        {
            Assert.False(e.Result.Healthy);
            Assert.True(e.Result.TimedOut);
            Assert.Equal("timed out after 400ms", e.Result.Detail);
            Assert.Equal(TimeSpan.FromMilliseconds(400), e.Result.Duration);
        });
    }

    [Fact]
    public async Task Timeout_equal_to_interval_loses_no_tick()
    {
        await using var scheduler = new HealthScheduler(_time);
        var probe = new FakeProbe(_time, FakeProbe.HangUntilCancelled);
        var results = new ResultLog(_time);

        scheduler.Schedule(Config(intervalMs: 1000, timeoutMs: 1000), probe, results.Add);
        Advance(4000);

        Assert.Equal([0, 1000, 2000, 3000, 4000], Ms(probe.Starts));
        Assert.Equal([1000, 2000, 3000, 4000], Ms(results.Entries.Select(e => e.At)));
        Assert.Equal(1, probe.MaxConcurrent);
    }

    [Fact]
    public async Task Hung_check_of_one_service_does_not_shift_another()
    {
        await using var scheduler = new HealthScheduler(_time);
        // A ignores its token altogether: the worst a probe can do.
        var hung = new FakeProbe(_time, _ => new TaskCompletionSource<HealthResult>().Task);
        var healthy = new FakeProbe(_time);
        var hungResults = new ResultLog(_time);
        var healthyResults = new ResultLog(_time);

        scheduler.Schedule(Config(intervalMs: 1000, timeoutMs: 1000), hung, hungResults.Add);
        Advance(100);
        scheduler.Schedule(Config(intervalMs: 250, timeoutMs: 200), healthy, healthyResults.Add);
        Advance(3000);

        var expected = Enumerable.Range(0, 13).Select(i => 100 + (i * 250.0)).ToArray();
        Assert.Equal(expected, Ms(healthy.Starts));
        Assert.Equal(expected, Ms(healthyResults.Entries.Select(e => e.At)));
        Assert.Equal([0], Ms(hung.Starts));
        var timedOut = Assert.Single(hungResults.Entries);
        Assert.True(timedOut.Result.TimedOut);
        Assert.Equal(1000, (timedOut.At - _t0).TotalMilliseconds);
    }

    [Fact]
    public async Task Probe_that_ignores_its_token_is_reported_at_timeout_and_never_overlapped()
    {
        await using var scheduler = new HealthScheduler(_time);
        var release = new TaskCompletionSource<HealthResult>();
        var calls = 0;
        var probe = new FakeProbe(_time, _ => Interlocked.Increment(ref calls) == 1 ? release.Task : Task.FromResult(FakeProbe.Ok));
        var results = new ResultLog(_time);

        scheduler.Schedule(Config(intervalMs: 1000, timeoutMs: 500), probe, results.Add);
        Advance(2300);
        Assert.Equal([0], Ms(probe.Starts));
        Assert.Equal([500], Ms(results.Entries.Select(e => e.At)));

        // When it finally returns, the tick it held up runs at once; then the cadence goes on.
        release.SetResult(FakeProbe.Ok);
        Advance(1000);

        Assert.Equal([0, 2300, 3000], Ms(probe.Starts));
        Assert.Equal(1, probe.MaxConcurrent);
        Assert.Equal([500, 2300, 3000], Ms(results.Entries.Select(e => e.At)));
    }

    [Fact]
    public async Task Never_overlaps_checks_of_one_service()
    {
        await using var scheduler = new HealthScheduler(_time);
        // Timeout longer than the interval and a check that takes 2.5 s: ticks 1 s and 2 s are skipped.
        var probe = new FakeProbe(_time, FakeProbe.Takes(TimeSpan.FromMilliseconds(2500), _time));
        var results = new ResultLog(_time);

        scheduler.Schedule(Config(intervalMs: 1000, timeoutMs: 5000), probe, results.Add);
        Advance(6000);

        Assert.Equal(1, probe.MaxConcurrent);
        Assert.Equal([0, 3000, 6000], Ms(probe.Starts));
        Assert.Equal([2500, 5500], Ms(results.Entries.Select(e => e.At)));
    }

    [Fact]
    public async Task Unscheduling_stops_checks_and_results()
    {
        await using var scheduler = new HealthScheduler(_time);
        var probe = new FakeProbe(_time);
        var results = new ResultLog(_time);

        var handle = scheduler.Schedule(Config(intervalMs: 1000), probe, results.Add);
        Advance(2000);
        handle.Dispose();
        Advance(5000);

        Assert.Equal([0, 1000, 2000], Ms(probe.Starts));
        Assert.Equal(3, results.Entries.Count);
    }

    [Fact]
    public async Task Result_arriving_after_unschedule_is_dropped_and_the_check_cancelled()
    {
        await using var scheduler = new HealthScheduler(_time);
        var probe = new FakeProbe(_time, FakeProbe.Takes(TimeSpan.FromMilliseconds(400), _time));
        var results = new ResultLog(_time);

        var handle = scheduler.Schedule(Config(intervalMs: 1000), probe, results.Add);
        Advance(200);
        handle.Dispose();
        Advance(3000);

        Assert.Empty(results.Entries);
        Assert.True(Assert.Single(probe.Tokens).IsCancellationRequested);
    }

    [Fact]
    public async Task Scheduling_wakes_a_loop_sleeping_on_a_later_check()
    {
        await using var scheduler = new HealthScheduler(_time);
        var slow = new FakeProbe(_time);
        var fast = new FakeProbe(_time);

        scheduler.Schedule(Config(intervalMs: 3_600_000), slow, _ => { });
        Advance(50);
        scheduler.Schedule(Config(intervalMs: 100, timeoutMs: 50), fast, _ => { });
        Advance(200);

        Assert.Equal([0], Ms(slow.Starts));
        Assert.Equal([50, 150, 250], Ms(fast.Starts));
    }

    [Fact]
    public async Task A_throwing_probe_is_an_unhealthy_result_and_checks_go_on()
    {
        await using var scheduler = new HealthScheduler(_time);
        var probe = new FakeProbe(_time, _ => throw new InvalidOperationException("boom"));
        var results = new ResultLog(_time);

        scheduler.Schedule(Config(intervalMs: 1000), probe, results.Add);
        Advance(1000);

        Assert.Equal(2, results.Entries.Count);
        Assert.All(results.Entries, e =>
        {
            Assert.False(e.Result.Healthy);
            Assert.False(e.Result.TimedOut);
            Assert.Equal("boom", e.Result.Detail);
        });
    }

    [Fact]
    public async Task A_throwing_callback_does_not_stop_the_checks()
    {
        await using var scheduler = new HealthScheduler(_time);
        var probe = new FakeProbe(_time);

        scheduler.Schedule(Config(intervalMs: 1000), probe, _ => throw new InvalidOperationException("bug"));
        Advance(2000);

        Assert.Equal([0, 1000, 2000], Ms(probe.Starts));
    }

    [Fact]
    public async Task Check_due_within_its_slack_shares_another_checks_wake_and_keeps_its_phase()
    {
        await using var scheduler = new HealthScheduler(_time);
        var a = new FakeProbe(_time);
        var b = new FakeProbe(_time);
        var c = new FakeProbe(_time);

        scheduler.Schedule(Config(intervalMs: 1000), a, _ => { });
        Advance(5);
        scheduler.Schedule(Config(intervalMs: 1000), b, _ => { }); // slack 10 ms: rides on a's wake
        Advance(15);
        scheduler.Schedule(Config(intervalMs: 1000), c, _ => { }); // 20 ms after a: a wake of its own
        Advance(2100);

        Assert.Equal([0, 1000, 2000], Ms(a.Starts));
        Assert.Equal([5, 1000, 2000], Ms(b.Starts));
        Assert.Equal([20, 1020, 2020], Ms(c.Starts));
    }

    [Fact]
    public async Task Catches_up_after_a_clock_jump_without_a_burst()
    {
        await using var scheduler = new HealthScheduler(_time);
        var probe = new FakeProbe(_time);

        scheduler.Schedule(Config(intervalMs: 1000), probe, _ => { });
        _time.Advance(TimeSpan.FromMilliseconds(5500)); // one jump, as after a suspended machine
        Advance(1000);

        Assert.Equal([0, 5500, 6000], Ms(probe.Starts));
    }

    [Fact]
    public async Task Dispose_cancels_running_checks_and_waits_for_them()
    {
        var scheduler = new HealthScheduler(_time);
        var probe = new FakeProbe(_time, FakeProbe.HangUntilCancelled);
        var results = new ResultLog(_time);
        scheduler.Schedule(Config(intervalMs: 1000, timeoutMs: 900), probe, results.Add);
        Advance(100);

        await scheduler.DisposeAsync().AsTask().DefaultTimeout();

        Assert.True(Assert.Single(probe.Tokens).IsCancellationRequested);
        Assert.Empty(results.Entries);
        Assert.Throws<ObjectDisposedException>(() => scheduler.Schedule(Config(), probe, results.Add));
    }
}
