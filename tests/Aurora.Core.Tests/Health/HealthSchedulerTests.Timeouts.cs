using Aurora.Core.Health;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Health;

/// The timeout is armed only for a check that does not finish inside CheckAsync.
public partial class HealthSchedulerTests
{
    [Fact]
    public async Task A_check_that_finishes_inside_CheckAsync_arms_no_timer()
    {
        var time = new CountingTimeProvider();
        await using var scheduler = new HealthScheduler(time);
        var probe = new FakeProbe(time);
        var results = new ResultLog(time);

        scheduler.Schedule(Config(intervalMs: 100), probe, results.Add);
        var before = time.TimersCreated;
        for (var i = 0; i < 50; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(51, results.Entries.Count);
        Assert.All(results.Entries, e => Assert.True(e.Result.Healthy));
        Assert.Equal(before, time.TimersCreated);
    }

    [Fact]
    public async Task Timeout_counts_from_the_check_start_even_when_the_probe_is_slow_to_return_its_task()
    {
        await using var scheduler = new HealthScheduler(_time);
        // 300 ms pass inside CheckAsync before it returns a task that never completes.
        var probe = new FakeProbe(_time, ct =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(300));
            return FakeProbe.HangUntilCancelled(ct);
        });
        var results = new ResultLog(_time);

        scheduler.Schedule(Config(intervalMs: 1000, timeoutMs: 500), probe, results.Add);
        Advance(600);

        var timedOut = Assert.Single(results.Entries);
        Assert.True(timedOut.Result.TimedOut);
        Assert.Equal(500, (timedOut.At - _t0).TotalMilliseconds);
    }

    [Fact]
    public async Task A_timed_out_check_leaves_the_next_checks_token_uncancelled()
    {
        await using var scheduler = new HealthScheduler(_time);
        var calls = 0;
        var cancelledAtStart = new List<bool>();
        var probe = new FakeProbe(_time, ct =>
        {
            cancelledAtStart.Add(ct.IsCancellationRequested);
            return ++calls == 1 ? FakeProbe.HangUntilCancelled(ct) : Task.FromResult(FakeProbe.Ok);
        });
        var results = new ResultLog(_time);

        scheduler.Schedule(Config(intervalMs: 1000, timeoutMs: 500), probe, results.Add);
        Advance(3000);

        Assert.Equal([false, false, false, false], cancelledAtStart);
        Assert.Equal([true, false, false, false], results.Entries.Select(e => e.Result.TimedOut));
    }

    [Fact]
    public async Task A_registration_a_probe_leaves_on_its_token_does_not_outlive_its_check()
    {
        await using var scheduler = new HealthScheduler(_time);
        var fired = new List<int>();
        var calls = 0;
        // Each check registers on its token and never unregisters; the first three finish at once, the
        // fourth hangs until its timeout cancels its token.
        var probe = new FakeProbe(_time, ct =>
        {
            var call = ++calls;
            ct.Register(() => fired.Add(call));
            return call < 4 ? Task.FromResult(FakeProbe.Ok) : FakeProbe.HangUntilCancelled(ct);
        });
        var results = new ResultLog(_time);

        scheduler.Schedule(Config(intervalMs: 1000, timeoutMs: 500), probe, results.Add);
        Advance(3600);

        Assert.Equal([false, false, false, true], results.Entries.Select(e => e.Result.TimedOut));
        Assert.Equal([4], fired);
    }

    /// Counts the timers created on it (the scheduler's own, and any timeout armed for a check).
    private sealed class CountingTimeProvider : FakeTimeProvider
    {
        private int _timers;

        public int TimersCreated => Volatile.Read(ref _timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _timers);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
