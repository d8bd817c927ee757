using System.Collections.Immutable;
using System.Threading.Channels;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// Reacts to `incident.diagnosed`: tries the fixes for the cause (user-defined first, then by their
/// record), each as a transaction — snapshot, apply, verify, commit or roll back — and records how it
/// went. One fix at a time, off the supervision path; rate-limited per service and cause.
public sealed partial class HealingEngine : IAsyncDisposable
{
    private readonly HealingSetup _setup;
    private readonly Channel<AuroraEvent> _queue = Channel.CreateUnbounded<AuroraEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly FixRateLimiter _limiter;
    private Task _watch = Task.CompletedTask;
    private Task _work = Task.CompletedTask;

    public HealingEngine(HealingSetup setup)
    {
        _setup = setup;
        _limiter = new FixRateLimiter(3, TimeSpan.FromHours(1), setup.Time);
    }

    public IFixRecords Records => _setup.Records;

    /// Rolls back fixes a previous daemon left half done, then follows the event stream from `afterSeq`.
    public void Start(long afterSeq)
    {
        foreach (var m in FixTransaction.RecoverPending(_setup.ProjectDirectory, _setup.BackupsDirectory, _setup.Time))
        {
            _setup.Events.Publish(EventTypes.FixRolledBack, m.Service, new EventData().Add("fix_id", m.FixId).Add("fix", m.Fix)
                .Add("cause", m.Cause).Add("reason", "the daemon stopped in the middle of this fix; its snapshot was restored").Add("recovered", true).Build());
        }

        PruneBackups();
        _watch = Task.Run(() => WatchAsync(afterSeq, _stop.Token));
        _work = Task.Run(() => WorkAsync(_stop.Token));
    }

    private async Task WatchAsync(long after, CancellationToken ct)
    {
        await foreach (var e in _setup.Events.FollowAsync(after, ct))
        {
            // The classifier's verdict (it has a confidence); the incident tracker's own incident.diagnosed
            // (a cause upgrade on an incident id) is not a new failure to heal.
            if (e.Type == EventTypes.IncidentDiagnosed && e.Service is not null && e.Data.TryGetProperty("confidence", out _))
            {
                _queue.Writer.TryWrite(e);
            }
        }
    }

    private async Task WorkAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var e in _queue.Reader.ReadAllAsync(ct))
            {
                try
                {
                    await HealAsync(e, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _setup.Events.Publish(EventTypes.FixSkipped, e.Service, new EventData().Add("reason", $"healing failed: {ex.Message}").Build());
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _queue.Writer.TryComplete();
        await Task.WhenAll(_watch, _work).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }
}
