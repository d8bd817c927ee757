using System.Collections.Immutable;
using System.Threading.Channels;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// Reacts to the classifier's `incident.diagnosed`: tries the fixes for the cause (user-defined first, then by
/// their record), each as a transaction — snapshot, apply, verify, commit or roll back — and records how it
/// went. One fix at a time, off the supervision path; rate-limited per service and cause. A fix always works on
/// an incident: a verdict waits for its incident to open (incident.opened comes first), and every fix.* event
/// names the incident id.
public sealed partial class HealingEngine : IAsyncDisposable
{
    private readonly HealingSetup _setup;
    private readonly Channel<HealRequest> _queue = Channel.CreateUnbounded<HealRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IncidentBook _incidents = new();
    private readonly FailedRuns _failedRuns = new();
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
    /// openIncidents: those a previous daemon left open (service, id), which later verdicts belong to.
    public void Start(long afterSeq, IEnumerable<(string Service, string Id, DateTimeOffset Opened)>? openIncidents = null)
    {
        foreach (var (service, id, opened) in openIncidents ?? [])
        {
            _incidents.Opened(service, id, opened);
        }

        foreach (var m in FixTransaction.RecoverPending(_setup.ProjectDirectory, _setup.BackupsDirectory, _setup.Time))
        {
            _setup.Events.Publish(EventTypes.FixRolledBack, m.Service, new EventData().Add("fix_id", m.FixId).Add("fix", m.Fix)
                .Add("cause", m.Cause).Add("reason", "the daemon stopped in the middle of this fix; its snapshot was restored").Add("recovered", true).Build());
        }

        PruneBackups();
        _watch = Task.Run(() => WatchAsync(afterSeq, _stop.Token));
        _work = Task.Run(() => WorkAsync(_stop.Token));
    }

    /// `aurora heal NAME`: diagnoses the service now and runs the fix path as after a failure (one fix at a
    /// time, in the queue with the others); null when there is no such service.
    public async Task<HealOutcome?> HealNowAsync(string service, string source, CancellationToken ct)
    {
        if (_setup.Orchestrator.Find(service) is not { } supervisor)
        {
            return null;
        }

        var verdict = await Task.Run(supervisor.DiagnoseNow, ct);
        var done = new TaskCompletionSource<HealOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite(new HealRequest(service, verdict, _incidents.Current(service, _setup.Time.GetUtcNow()), source, done));
        return await done.Task.WaitAsync(ct);
    }

    private async Task WatchAsync(long after, CancellationToken ct)
    {
        await foreach (var e in _setup.Events.FollowAsync(after, ct))
        {
            if (e.Service is null)
            {
                continue;
            }

            if (e.Type == EventTypes.ServiceExited)
            {
                _failedRuns.Exited(e.Service, e.Data);
            }

            var ready = e.Type switch
            {
                EventTypes.IncidentOpened => _incidents.Opened(e.Service, e.Data.GetProperty("id").GetString()!, e.Time),
                EventTypes.IncidentResolved => _incidents.Resolved(e.Service, e.Time),

                // The classifier's verdict (it has a confidence); the tracker's own updates are not new failures.
                EventTypes.IncidentDiagnosed when e.Data.TryGetProperty("confidence", out _) => _incidents.Verdict(e.Service, e),
                _ => null,
            };
            if (ready is not null)
            {
                _queue.Writer.TryWrite(ready);
            }
        }
    }

    private async Task WorkAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var request in _queue.Reader.ReadAllAsync(ct))
            {
                try
                {
                    // Not `Done?.TrySetResult(await …)`: a null-conditional call skips its argument, heal included.
                    var outcome = await HealAsync(request, ct);
                    request.Done?.TrySetResult(outcome);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _setup.Events.Publish(EventTypes.FixSkipped, request.Service, new EventData().Add("incident", request.IncidentId)
                        .Add("reason", $"healing failed: {ex.Message}").Build());
                    request.Done?.TrySetException(ex);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// Takes no more incidents and waits for the fix in progress to end, cancelled: `down` stops the services only
    /// after this, so a fix that held a service down (or found it stopped) cannot start it again behind the stop and
    /// leave it running after `down`. Safe to call more than once.
    public async Task StopAsync()
    {
        await _stop.CancelAsync(); // a second call finds it cancelled already, and returns at once
        _queue.Writer.TryComplete();
        await Task.WhenAll(_watch, _work).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
