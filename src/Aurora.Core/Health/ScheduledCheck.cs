using Aurora.Core.Config;

namespace Aurora.Core.Health;

/// One service's place in HealthScheduler: runs its checks one at a time and delivers their results.
/// Disposing it unschedules: the running check is cancelled and its result dropped.
internal sealed class ScheduledCheck : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly IHealthProbe _probe;
    private readonly Action<HealthResult> _onResult;
    private readonly TimeSpan _timeout;
    private readonly long _timeoutTicks;
    private readonly CancellationTokenSource _unscheduled = new();
    private CancellationTokenSource? _current;
    private CancellationTokenSource? _idle;
    private Task _completion = Task.CompletedTask;
    private long _deadline;
    private bool _running;
    private bool _pending;
    private bool _disposed;

    public ScheduledCheck(HealthCheckConfig cfg, IHealthProbe probe, Action<HealthResult> onResult, TimeProvider time)
    {
        _time = time;
        _probe = probe;
        _onResult = onResult;
        _timeout = cfg.Timeout;
        IntervalTicks = ToTimestampTicks(cfg.Interval, time);
        SlackTicks = Math.Min(IntervalTicks / 100, ToTimestampTicks(MaxSlack, time));
        _timeoutTicks = ToTimestampTicks(cfg.Timeout, time);
    }

    private static readonly TimeSpan MaxSlack = TimeSpan.FromMilliseconds(10);

    /// Interval in TimeProvider timestamp units.
    public long IntervalTicks { get; }

    /// How early this check may start when the loop is awake anyway: 1% of the interval, at most 10 ms.
    /// With services started at scattered times, it lets one wake serve several checks.
    public long SlackTicks { get; }

    public bool IsDisposed => Volatile.Read(ref _disposed);

    /// The check in flight, if any (completed otherwise): awaited when the scheduler is disposed.
    public Task Completion
    {
        get
        {
            lock (_gate)
            {
                return _completion;
            }
        }
    }

    /// Called by the loop at each due time. Starts a check unless one is still running, in which case the
    /// tick is skipped; but when the running check's deadline falls within a quarter interval of this tick
    /// (timeout == interval is common, and the two timers race) it is about to report, so this tick starts
    /// as soon as it does instead of being lost.
    public void OnDue(long now)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_running)
            {
                _pending |= _deadline - now <= IntervalTicks / 4;
                return;
            }

            _running = true;
        }

        var run = RunAsync();
        lock (_gate)
        {
            if (!run.IsCompleted)
            {
                _completion = run;
            }
        }
    }

    public void Dispose()
    {
        CancellationTokenSource? current;
        lock (_gate)
        {
            _disposed = true;
            current = _current;
        }

        try
        {
            current?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The check finished between taking the reference and cancelling it.
        }

        _unscheduled.Cancel();
    }

    private async Task RunAsync()
    {
        while (true)
        {
            var start = _time.GetTimestamp();
            CancellationTokenSource cts;
            lock (_gate)
            {
                // No timer: one is armed below only if the probe does not finish inside CheckAsync (a
                // loopback tcp check does), which saves creating and cancelling a timer per check.
                cts = _idle ?? new CancellationTokenSource();
                _idle = null;
                _current = cts;
                _deadline = start + _timeoutTicks;
                if (_disposed)
                {
                    cts.Cancel();
                }
            }

            var check = StartProbe(cts.Token);
            if (!check.IsCompleted)
            {
                await WaitOrTimeOutAsync(check, cts, start);
            }

            Deliver(check.IsCompleted ? ToResult(check, start) : TimedOut(start));

            if (!check.IsCompleted)
            {
                // Never two checks of one service at once: ticks are skipped until this one returns,
                // or until the service is unscheduled (a shutdown must not wait on a stuck probe).
                await ((Task)check).WaitAsync(_unscheduled.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            bool again;
            lock (_gate)
            {
                _current = null;
                // Kept for the next check unless it was cancelled; TryReset also drops any registration
                // the probe left on the token.
                if (cts.TryReset())
                {
                    _idle = cts;
                }
                else
                {
                    cts.Dispose();
                }

                again = _pending && !_disposed;
                _pending = false;
                _running = again;
            }

            if (!again)
            {
                return;
            }
        }
    }

    /// Waits for a probe that did not finish inside CheckAsync, cancelling its token at the timeout, which
    /// runs from the check's start. The timeout is a token of its own (on the TimeProvider's clock) linked
    /// to the probe's: disposing the link waits out a timeout firing at that moment, so a late timer can
    /// never cancel the next check's token, which may be the same CancellationTokenSource.
    private async Task WaitOrTimeOutAsync(Task<HealthResult> check, CancellationTokenSource cts, long start)
    {
        var left = _timeout - _time.GetElapsedTime(start);
        using var timeout = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, _time);
        using var link = timeout.Token.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), cts);

        // The timeout is reported on time even by a probe that ignores its token (a DNS lookup cannot
        // always be cancelled). SuppressThrowing: a failed probe is inspected, not caught, and no
        // caller's context is captured.
        await ((Task)check).WaitAsync(cts.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private Task<HealthResult> StartProbe(CancellationToken ct)
    {
        try
        {
            return _probe.CheckAsync(ct);
        }
        catch (Exception ex)
        {
            return Task.FromException<HealthResult>(ex);
        }
    }

    private void Deliver(HealthResult result)
    {
        if (IsDisposed)
        {
            return;
        }

        try
        {
            _onResult(result);
        }
        catch (Exception)
        {
            // onResult must not throw; if it does, the checks go on (there is no one to report it to here).
        }
    }

    private HealthResult ToResult(Task<HealthResult> check, long start)
    {
        if (check.IsCompletedSuccessfully)
        {
            return check.Result;
        }

        if (check.IsCanceled || check.Exception?.InnerException is OperationCanceledException)
        {
            return TimedOut(start);
        }

        return new HealthResult(false, check.Exception?.InnerException?.Message ?? "check failed", _time.GetElapsedTime(start));
    }

    private HealthResult TimedOut(long start) =>
        new(false, ProbeText.TimedOut(_timeout), _time.GetElapsedTime(start), TimedOut: true);

    internal static long ToTimestampTicks(TimeSpan span, TimeProvider time) =>
        (long)(Int128.Max(0, span.Ticks) * time.TimestampFrequency / TimeSpan.TicksPerSecond);
}
