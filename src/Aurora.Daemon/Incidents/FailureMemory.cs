using Aurora.Core.Events;
using Aurora.Core.Incidents;

namespace Aurora.Daemon.Incidents;

/// Runs the incident tracker against the daemon's event stream: takes over the incidents left open by a
/// previous daemon, then feeds it every committed event from the boot seq on.
public sealed class FailureMemory : IAsyncDisposable
{
    private readonly EventLog _events;
    private readonly IFailureStore _store;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, string> _latestIncident = [];
    private Task _loop = Task.CompletedTask;

    /// A process's exit can be seen before its pipe is drained into the log; its last lines are the evidence.
    public static readonly TimeSpan EvidenceDelay = TimeSpan.FromMilliseconds(200);

    public FailureMemory(EventLog events, IFailureStore store, IServiceFacts facts, TimeProvider time, ICauseClassifier? classifier = null)
    {
        _events = events;
        _store = store;
        Tracker = new IncidentTracker(events, facts, classifier ?? EvidenceCauseClassifier.Instance, store.NextIncidentId, time, EvidenceDelay);
    }

    public IncidentTracker Tracker { get; }

    public IFailureStore Store => _store;

    /// Takes over the open incidents first, so an event after afterSeq can resolve what a previous daemon opened.
    public async Task StartAsync(long afterSeq, CancellationToken ct)
    {
        Tracker.Restore(await _store.OpenIncidentsAsync(ct));
        _loop = Task.Run(() => FollowAsync(afterSeq, _stop.Token));
    }

    private async Task FollowAsync(long last, CancellationToken ct)
    {
        await foreach (var e in _events.FollowAsync(last, ct))
        {
            Observe(e);
        }
    }

    // One odd event must not end the failure memory of a running daemon: report it and go on.
    private void Observe(AuroraEvent e)
    {
        try
        {
            Tracker.Observe(e);
            RecordFix(e);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            Console.Error.WriteLine($"aurora: incident tracking skipped event {e.Seq} ({e.Type}): {ex.Message}");
        }
    }

    /// A fix attempt belongs to the service's latest incident (the fix may bring the service back, and so
    /// resolve the incident, a moment before its own fix.verified is published).
    private void RecordFix(AuroraEvent e)
    {
        if (e.Service is null)
        {
            return;
        }

        if (e.Type == EventTypes.IncidentOpened && e.Data.TryGetProperty("id", out var id))
        {
            _latestIncident[e.Service] = id.GetString()!;
        }
        else if (e.Type is EventTypes.FixVerified or EventTypes.FixRolledBack
            && (Tracker.Open.FirstOrDefault(i => i.Service == e.Service)?.Id ?? _latestIncident.GetValueOrDefault(e.Service)) is { } incident)
        {
            _store.AddFix(incident, e.Data.GetProperty("fix").GetString()!, e.Type == EventTypes.FixVerified ? "verified" : "rolled_back");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Tracker.Dispose();
        _stop.Dispose();
    }
}
