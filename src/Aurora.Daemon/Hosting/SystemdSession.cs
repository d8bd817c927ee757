using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Notify;
using Aurora.Core.Supervision;

namespace Aurora.Daemon.Hosting;

/// The daemon's side of a `Type=notify` unit, from the moment its services have been started: MAINPID= (this
/// process), STATUS= whenever the stack's one-line summary changes, READY=1 once every service has settled
/// (StackProgress), WATCHDOG=1 every half `WatchdogSec=` (until READY=1 also extending the start timeout, so
/// a live daemon is never cut short while its stack settles, but a hung one is), and STOPPING=1 when it is
/// disposed, just before the daemon stops its services.
public sealed class SystemdSession : IAsyncDisposable
{
    private readonly SystemdNotifier _notifier;
    private readonly ServiceStateStore _states;
    private readonly Func<ImmutableArray<ServiceConfig>> _services;
    private readonly SemaphoreSlim _changed = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly ITimer? _watchdog;
    private readonly Task _loop;
    private readonly Lock _readiness = new();
    private bool _ready;

    public SystemdSession(SystemdNotifier notifier, ServiceStateStore states, Func<ImmutableArray<ServiceConfig>> services, TimeProvider time)
    {
        _notifier = notifier;
        _states = states;
        _services = services;

        // Harmless when systemd started this very process; needed when it replaced the process systemd started.
        notifier.MainPid(Environment.ProcessId);
        if (notifier.WatchdogInterval is { } interval)
        {
            _watchdog = time.CreateTimer(_ => Tick(interval), null, TimeSpan.Zero, interval);
        }

        states.Published += OnPublished;
        _loop = Task.Run(RunAsync);
    }

    /// The session for this daemon, or null when it does not run under systemd (no `$NOTIFY_SOCKET`).
    public static SystemdSession? Start(AuroraRuntime runtime) =>
        SystemdNotifier.FromEnvironment() is { } notifier
            ? new SystemdSession(notifier, runtime.States, () => runtime.Config.Services, runtime.Time)
            : null;

    /// Under the readiness lock, so that every ping before READY=1 extends the start timeout and none after it does.
    private void Tick(TimeSpan interval)
    {
        lock (_readiness)
        {
            if (_ready)
            {
                _notifier.Watchdog();
            }
            else
            {
                // Three ticks' worth: one late tick must not end the start-up.
                _notifier.Watchdog(3 * interval);
            }
        }
    }

    /// Called under the state store's lock: only wakes the loop.
    private void OnPublished(ServiceChange change)
    {
        if (_changed.CurrentCount == 0)
        {
            try
            {
                _changed.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another change woke it first: one wake-up covers both.
            }
        }
    }

    private async Task RunAsync()
    {
        string? sent = null;
        try
        {
            while (true)
            {
                // Read the state after the wake-up is consumed: a change during the send wakes it again.
                var progress = StackProgress.Of(_services(), _states.All);
                var summary = progress.Summary();
                if (!_ready && progress.Settled)
                {
                    lock (_readiness)
                    {
                        _notifier.Ready(summary);
                        (_ready, sent) = (true, summary);
                    }
                }
                else if (summary != sent)
                {
                    _notifier.Status(summary);
                    sent = summary;
                }

                await _changed.WaitAsync(_stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private bool _handingOver;

    /// This daemon is about to be replaced by a new one in the same process: no STOPPING=1.
    public void HandOver() => _handingOver = true;

    public async ValueTask DisposeAsync()
    {
        _states.Published -= OnPublished;
        await _stop.CancelAsync();
        await _loop;
        if (_watchdog is not null)
        {
            await _watchdog.DisposeAsync();
        }

        // A daemon handing over (re-executing itself, same pid) is not stopping: systemd must not think so.
        var count = _services().Length;
        if (!_handingOver)
        {
            _notifier.Stopping($"stopping {(count == 1 ? "1 service" : $"{count} services")}");
        }

        _notifier.Dispose();
        _stop.Dispose();
        _changed.Dispose();
    }
}
