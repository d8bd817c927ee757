using System.Text.Json;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;

namespace Aurora.Daemon.Metrics;

/// The metrics Aurora derives from its event stream, kept in memory as the events are committed: incidents
/// opened, incidents resolved by their final cause, fixes by fix and outcome, and the predictions in force.
/// Counters live as long as the daemon process (they follow the stream from the daemon's boot seq): a daemon
/// restart starts them at zero again, which Prometheus's rate() and increase() read as a counter reset. The
/// store's history is not replayed: retention trims it, so counting from it would not make them monotonic across
/// restarts either, and a prediction a previous daemon left unresolved is not in force in this one.
internal sealed class EventCounters
{
    /// Every cause an incident can be resolved with is shown from the start, at 0, so rate() sees the first one.
    private static readonly string[] KnownCauses =
    [
        Causes.PortConflict, Causes.MissingDependency, Causes.PermissionDenied, Causes.OutOfMemory, Causes.Hang,
        Causes.DependencyUnavailable, Causes.DiskFull, Causes.CrashLoop, Causes.ConfigError, Causes.Unknown,
    ];

    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, long> _resolved = new(StringComparer.Ordinal);
    private readonly SortedDictionary<(string Fix, string Outcome), long> _fixes = new();
    private readonly HashSet<(string Service, string Resource)> _predictions = [];
    private readonly SortedDictionary<string, int> _predictionsByResource = new(StringComparer.Ordinal);
    private long _opened;

    public EventCounters()
    {
        foreach (var cause in KnownCauses)
        {
            _resolved[cause] = 0;
        }
    }

    /// Follows the committed stream after `afterSeq` until the log is disposed (which ends every watcher).
    public Task FollowAsync(EventLog events, long afterSeq, CancellationToken ct) => Task.Run(async () =>
    {
        await foreach (var e in events.FollowAsync(afterSeq, ct))
        {
            Observe(e);
        }
    }, ct);

    public void Observe(AuroraEvent e)
    {
        switch (e.Type)
        {
            case EventTypes.IncidentOpened:
                Interlocked.Increment(ref _opened);
                break;
            case EventTypes.IncidentResolved:
                Count(_resolved, Bounded(Text(e.Data, "cause")) ?? "other");
                break;
            case EventTypes.FixVerified:
                CountFix(e, "verified");
                break;
            case EventTypes.FixRolledBack:
                CountFix(e, "rolled_back");
                break;
            case EventTypes.FixSkipped:
                CountFix(e, "skipped");
                break;
            case EventTypes.Prediction:
            case EventTypes.PredictionResolved:
                Predict(e, raised: e.Type == EventTypes.Prediction);
                break;
        }
    }

    public long IncidentsOpened => Interlocked.Read(ref _opened);

    public void WriteTo(PrometheusText text)
    {
        text.Counter("aurora_incidents_opened_total", "Incidents opened since the daemon started.");
        text.Sample(IncidentsOpened);
        lock (_gate)
        {
            text.Counter("aurora_incidents_resolved_total",
                "Incidents resolved since the daemon started, by the cause they ended with (an open incident's cause may still change: see aurora_incidents_open).");
            foreach (var (cause, n) in _resolved)
            {
                text.Sample("cause", cause, n);
            }

            text.Counter("aurora_fixes_total", "Fix attempts since the daemon started, by fix and outcome (verified, rolled_back, skipped); user-defined fixes are fix=\"user\".");
            foreach (var ((fix, outcome), n) in _fixes)
            {
                text.Sample("fix", fix, "outcome", outcome, n);
            }

            text.Gauge("aurora_predictions_active", "Forecasts in force (a prediction event not yet followed by prediction.resolved), by resource.");
            foreach (var (resource, n) in _predictionsByResource)
            {
                text.Sample("resource", resource, n);
            }
        }
    }

    private void CountFix(AuroraEvent e, string outcome)
    {
        if (Text(e.Data, "fix") is not { } fix)
        {
            return; // a skip before any fix was chosen
        }

        // A user fix's name carries its command line: free text, never a label.
        var name = fix.StartsWith("user:", StringComparison.Ordinal) ? "user" : Bounded(fix) ?? "other";
        lock (_gate)
        {
            _fixes[(name, outcome)] = _fixes.GetValueOrDefault((name, outcome)) + 1;
        }
    }

    /// A prediction is in force per (service, resource) from its `prediction` (repeated when the estimate changes)
    /// to its `prediction.resolved`; the disk's has no service.
    private void Predict(AuroraEvent e, bool raised)
    {
        if (Bounded(Text(e.Data, "resource")) is not { } resource)
        {
            return;
        }

        var key = (e.Service ?? "", resource);
        lock (_gate)
        {
            var changed = raised ? _predictions.Add(key) : _predictions.Remove(key);
            _predictionsByResource[resource] = _predictionsByResource.GetValueOrDefault(resource) + (!changed ? 0 : raised ? 1 : -1);
        }
    }

    private void Count(SortedDictionary<string, long> counts, string key)
    {
        lock (_gate)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }

    private static string? Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// A label value from an event must be one of a small set of names (causes, fixes, resources are identifiers
    /// in code): anything else is not let into a label, where it would make a series of its own.
    internal static string? Bounded(string? value)
    {
        if (value is not { Length: > 0 and <= 40 })
        {
            return null;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return null;
            }
        }

        return value;
    }
}
