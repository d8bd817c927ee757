using Aurora.Core.Config;

namespace Aurora.Core.Health;

/// One loop for every service's health checks: a priority queue of due times and one timer set to the
/// earliest. A due check is started, not awaited, so a slow or hung check never delays another
/// service's; a service's next check is never started while its previous one runs (that tick is
/// skipped). The first check runs at once, on the caller's thread; then every Interval measured from
/// the previous check's scheduled start, so lateness never accumulates. When the loop is awake anyway,
/// a check due within 1% of its interval (at most 10 ms) starts with the others, slightly early, so
/// services started at scattered times share wakes instead of waking the loop 200 times a second.
/// Results of one service arrive one at a time, in order, on whatever thread finished the check:
/// onResult must be quick (an exception it throws is dropped; the checks go on).
///
/// The loop sleeps on one ITimer from the TimeProvider, re-armed with Change, rather than awaiting
/// Task.Delay(d, time, ct): that Delay completes its task asynchronously (on the thread pool), so under a
/// FakeTimeProvider a test could advance the clock before the loop had armed its next sleep, and each
/// early wake would cost a new CancellationTokenSource. Change is synchronous and allocates nothing.
public sealed class HealthScheduler : IAsyncDisposable
{
    // Longest single sleep: timers reject periods past ~49 days, and a re-check costs nothing.
    private static readonly TimeSpan MaxSleep = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly PriorityQueue<ScheduledCheck, long> _queue = new();
    private readonly List<ScheduledCheck> _due = [];
    private readonly ITimer _timer;
    private bool _inPass;
    private bool _passAgain;
    private bool _disposed;
    private TaskCompletionSource? _passDrained;

    public HealthScheduler(TimeProvider time)
    {
        _time = time;
        _timer = time.CreateTimer(static s => ((HealthScheduler)s!).RunPasses(), this,
            Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public IDisposable Schedule(HealthCheckConfig cfg, IHealthProbe probe, Action<HealthResult> onResult)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cfg.Interval, TimeSpan.Zero, nameof(cfg));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cfg.Timeout, TimeSpan.Zero, nameof(cfg));
        var check = new ScheduledCheck(cfg, probe, onResult, _time);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.Enqueue(check, _time.GetTimestamp());
        }

        RunPasses();
        return check;
    }

    public async ValueTask DisposeAsync()
    {
        Task drained;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _passDrained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _inPass ? _passDrained.Task : Task.CompletedTask;
        }

        await _timer.DisposeAsync();
        // A pass on another thread may be starting checks: after it, none can start.
        await drained;

        var running = new List<Task>();
        foreach (var (check, _) in _queue.UnorderedItems)
        {
            check.Dispose();
            running.Add(check.Completion);
        }

        _queue.Clear();
        await Task.WhenAll(running);
    }

    /// The loop's body, from the timer or from Schedule. One pass at a time: a caller that finds one
    /// running asks it to go round again instead.
    private void RunPasses()
    {
        lock (_gate)
        {
            if (_inPass)
            {
                _passAgain = true;
                return;
            }

            _inPass = true;
        }

        while (true)
        {
            long now;
            lock (_gate)
            {
                if (_disposed)
                {
                    _inPass = false;
                    _passDrained?.TrySetResult();
                    return;
                }

                now = _time.GetTimestamp();
                TakeDueChecks(now);
            }

            // Outside the lock: a probe's synchronous start (and a result it already has) is not ours to hold it for.
            foreach (var check in _due)
            {
                check.OnDue(now);
            }

            _due.Clear();

            lock (_gate)
            {
                now = _time.GetTimestamp();
                var next = _queue.TryPeek(out var head, out var due) ? due : long.MaxValue;
                if (_passAgain || (next - (head?.SlackTicks ?? 0) <= now && !_disposed))
                {
                    _passAgain = false;
                    continue;
                }

                if (!_disposed)
                {
                    _timer.Change(SleepFor(now, next), Timeout.InfiniteTimeSpan);
                }

                _inPass = false;
                _passDrained?.TrySetResult();
                return;
            }
        }
    }

    private void TakeDueChecks(long now)
    {
        // A check due within its slack is started now rather than costing a wake of its own; it is never
        // started late for it, and its phase is kept (next = due + interval).
        while (_queue.TryPeek(out var check, out var due) && due - check.SlackTicks <= now)
        {
            _queue.Dequeue();
            if (check.IsDisposed)
            {
                continue;
            }

            _due.Add(check);
            var next = due + check.IntervalTicks;
            if (next - check.SlackTicks <= now)
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

        // Round up, to whole milliseconds: the system timer counts whole milliseconds and truncates, so a
        // sub-millisecond sleep would fire at once, again and again until the due time (a busy loop).
        var frequency = _time.TimestampFrequency;
        var ticks = ((Int128)(until - now) * TimeSpan.TicksPerSecond + frequency - 1) / frequency;
        ticks = (ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond;
        return ticks >= MaxSleep.Ticks ? MaxSleep : TimeSpan.FromTicks((long)ticks);
    }
}
