using Aurora.Core.Config;

namespace Aurora.Core.Health;

/// One loop for every service's health checks: a priority queue of due times and one sleep until the
/// earliest. A due check is started, not awaited, so a slow or hung check never delays another
/// service's; a service's next check is never started while its previous one runs (that tick is
/// skipped). The first check runs at once; then every Interval measured from the previous check's
/// scheduled start, so lateness never accumulates. Results of one service arrive one at a time,
/// in order, on whatever thread finished the check: onResult must be quick and must not throw.
public sealed class HealthScheduler : IAsyncDisposable
{
    // Longest single sleep: Task.Delay rejects delays past ~49 days, and a re-check costs nothing.
    private static readonly TimeSpan MaxSleep = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly PriorityQueue<ScheduledCheck, long> _queue = new();
    private readonly List<ScheduledCheck> _due = [];
    private readonly Task _loop;
    private CancellationTokenSource _wake = new();
    private long _sleepingUntil = long.MaxValue;
    private bool _disposed;

    public HealthScheduler(TimeProvider time)
    {
        _time = time;
        // Runs synchronously to its first sleep, so Schedule can always wake it.
        _loop = RunAsync();
    }

    public IDisposable Schedule(HealthCheckConfig cfg, IHealthProbe probe, Action<HealthResult> onResult)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cfg.Interval, TimeSpan.Zero, nameof(cfg));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cfg.Timeout, TimeSpan.Zero, nameof(cfg));
        var check = new ScheduledCheck(cfg, probe, onResult, _time);
        CancellationTokenSource? wake = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetTimestamp();
            _queue.Enqueue(check, now);
            if (now < _sleepingUntil)
            {
                _sleepingUntil = now;
                wake = _wake;
            }
        }

        // Outside the lock: cancelling may run the loop's next pass inline on this thread.
        wake?.Cancel();
        return check;
    }

    public async ValueTask DisposeAsync()
    {
        CancellationTokenSource wake;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            wake = _wake;
        }

        wake.Cancel();
        await _loop;

        var running = new List<Task>();
        lock (_gate)
        {
            foreach (var (check, _) in _queue.UnorderedItems)
            {
                check.Dispose();
                running.Add(check.Completion);
            }

            _queue.Clear();
        }

        await Task.WhenAll(running);
    }

    private async Task RunAsync()
    {
        while (true)
        {
            TimeSpan sleep;
            CancellationToken wake;
            long now;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                if (_wake.IsCancellationRequested)
                {
                    _wake = new CancellationTokenSource();
                }

                now = _time.GetTimestamp();
                TakeDueChecks(now);
                _sleepingUntil = _queue.TryPeek(out _, out var next) ? next : long.MaxValue;
                sleep = SleepFor(now, _sleepingUntil);
                wake = _wake.Token;
            }

            // Outside the lock: a probe's synchronous start (and a result it already has) is not ours to hold it for.
            foreach (var check in _due)
            {
                check.OnDue(now);
            }

            _due.Clear();

            // SuppressThrowing: an early wake is routine, not an exception (and no context is captured).
            await Task.Delay(sleep, _time, wake).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private void TakeDueChecks(long now)
    {
        while (_queue.TryPeek(out var check, out var due) && due <= now)
        {
            _queue.Dequeue();
            if (check.IsDisposed)
            {
                continue;
            }

            _due.Add(check);
            var next = due + check.IntervalTicks;
            if (next <= now)
            {
                // Fell behind by a whole interval or more (a suspended machine): skip the missed
                // ticks rather than run them in a burst, and keep the phase.
                next += ((now - next) / check.IntervalTicks + 1) * check.IntervalTicks;
            }

            _queue.Enqueue(check, next);
        }
    }

    private TimeSpan SleepFor(long now, long until)
    {
        if (until == long.MaxValue)
        {
            return Timeout.InfiniteTimeSpan;
        }

        // Round up: waking a tick early would only cost another pass and another sleep.
        var frequency = _time.TimestampFrequency;
        var ticks = ((Int128)(until - now) * TimeSpan.TicksPerSecond + frequency - 1) / frequency;
        return ticks >= MaxSleep.Ticks ? MaxSleep : TimeSpan.FromTicks((long)ticks);
    }
}
