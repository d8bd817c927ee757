using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Supervision;

namespace Aurora.Core.Incidents;

/// Turns the service events into failure episodes, one open incident per service at most:
/// opened on the first bad event (IncidentRules), resolved at the next service.healthy, at a clean exit 0,
/// or — for a service without a health check — once a service.started has stayed up for StableAfter with no
/// exit in between (then the resolution time is that start). A requested stop and the daemon's shutdown
/// resolve nothing. Everything it decides is published as incident.* events through the EventLog.
/// Observe is called by one loop; stability timers fire on the thread pool, hence the lock.
public sealed partial class IncidentTracker : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IncidentRecord> _open = [];
    private readonly Dictionary<string, ITimer> _stability = [];
    private readonly HashSet<string> _verdictTaken = [];
    private readonly EventLog _events;
    private readonly IServiceFacts _facts;
    private readonly ICauseClassifier _classifier;
    private readonly Func<string> _nextId;
    private readonly TimeProvider _time;
    private readonly TimeSpan _evidenceDelay;

    /// evidenceDelay: how long to let a failed process's last output reach its log before the evidence is
    /// taken (its exit can be seen before its pipe is drained); zero takes it at once.
    public IncidentTracker(EventLog events, IServiceFacts facts, ICauseClassifier classifier, Func<string> nextId, TimeProvider time,
        TimeSpan evidenceDelay = default)
    {
        _events = events;
        _facts = facts;
        _classifier = classifier;
        _nextId = nextId;
        _time = time;
        _evidenceDelay = evidenceDelay;
    }

    public IReadOnlyList<IncidentRecord> Open
    {
        get
        {
            lock (_gate)
            {
                return [.. _open.Values];
            }
        }
    }

    /// Takes over the incidents a previous daemon left open (the newest per service).
    public void Restore(IEnumerable<IncidentRecord> open)
    {
        lock (_gate)
        {
            foreach (var i in open.OrderBy(i => i.Opened))
            {
                _open[i.Service] = i;
            }
        }
    }

    public void Observe(AuroraEvent e)
    {
        if (IncidentRules.Classify(e) == IncidentSignal.None && !IsVerdict(e))
        {
            return;
        }

        lock (_gate)
        {
            if (!Defer(e))
            {
                Apply(e);
            }
        }
    }

    /// The classifier's incident.diagnosed (it carries a confidence), not the tracker's own incident.updated.
    private static bool IsVerdict(AuroraEvent e) =>
        e.Type == EventTypes.IncidentDiagnosed && e.Service is not null && e.Data.ValueKind == System.Text.Json.JsonValueKind.Object
        && e.Data.TryGetProperty("confidence", out _) && e.Data.TryGetProperty("cause", out _);

    private void Apply(AuroraEvent e)
    {
        if (IsVerdict(e))
        {
            OnVerdict(e.Service!, e.Data.GetProperty("cause").GetString()!, e.Data.GetProperty("confidence").GetDouble());
            return;
        }

        Handle(e.Service!, IncidentRules.Classify(e), e);
    }

    /// The classifier reads the whole failure (exit, signal, output of the run that failed, who holds a port),
    /// where the tracker's own first guess reads keywords: a confident, specific verdict becomes the incident's
    /// cause once; later verdicts only make an unknown or crash_loop cause specific.
    private void OnVerdict(string service, string cause, double confidence)
    {
        if (!_open.TryGetValue(service, out var current))
        {
            return;
        }

        if (confidence >= 0.7 && Rank(cause) == 2 && _verdictTaken.Add(current.Id))
        {
            SetCause(current, cause);
        }
        else if (Rank(cause) > Rank(current.Cause))
        {
            SetCause(current, cause);
        }
    }

    private void Handle(string service, IncidentSignal signal, AuroraEvent e)
    {
        CancelStability(service);
        switch (signal)
        {
            case IncidentSignal.Bad:
                OnBad(service, e);
                break;
            case IncidentSignal.Good:
                Resolve(service, e.Time);
                break;
            case IncidentSignal.Up when _open.ContainsKey(service) && _facts.StableAfter(service) is { } after:
                ArmStability(service, e.Time, after);
                break;
        }
    }

    /// Sets the cause of an open incident (publishes incident.updated).
    public bool Diagnose(string incidentId, string cause)
    {
        lock (_gate)
        {
            if (_open.Values.FirstOrDefault(i => i.Id == incidentId) is not { } incident)
            {
                return false;
            }

            SetCause(incident, cause);
            return true;
        }
    }

    private void OnBad(string service, AuroraEvent e)
    {
        if (!_open.TryGetValue(service, out var current))
        {
            BeginOpening(service, e);
            return;
        }

        var evidence = EvidencePicker.Pick(_facts.RecentLines(service), _facts.SecretValues(service), Ended(e));
        var cause = _classifier.Classify(new CauseContext(service, e, evidence, _facts.LastCause(service)));
        if (Rank(cause) > Rank(current.Cause))
        {
            SetCause(current, cause);
        }
    }

    /// An unhealthy process still runs: its output has no "last run" that ended.
    private static bool Ended(AuroraEvent e) => e.Type != EventTypes.ServiceUnhealthy;

    private void OpenNow(string service, AuroraEvent e)
    {
        var evidence = EvidencePicker.Pick(_facts.RecentLines(service), _facts.SecretValues(service), Ended(e));
        var cause = _classifier.Classify(new CauseContext(service, e, evidence, _facts.LastCause(service)));
        var incident = new IncidentRecord(_nextId(), service, cause, e.Time, null, [.. TriggerLine(e), .. evidence],
            FailureSignature.Compute(evidence, cause), []);
        _open[service] = incident;
        _events.Publish(EventTypes.IncidentOpened, service, IncidentData.Opened(incident, e));
    }

    /// What Aurora itself saw, first in the evidence: "killed by SIGKILL", "exit code 3", "health check: …".
    /// Output alone does not say that a process was killed from outside.
    private static IEnumerable<string> TriggerLine(AuroraEvent e)
    {
        var d = e.Data;
        string? Text(string name) => d.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
        long? Number(string name) => d.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Number ? v.GetInt64() : null;
        var after = Number("uptime_ms") is { } ms ? $" after {ms} ms" : "";
        var line = e.Type switch
        {
            EventTypes.ServiceExited when Text("signal") is { } signal => $"pid {Number("pid")} killed by {signal}{after}",
            EventTypes.ServiceExited => $"pid {Number("pid")} exited with code {Number("exit_code")}{after}",
            EventTypes.ServiceUnhealthy => $"health check failing: {Text("detail")}",
            EventTypes.ServiceFailed => $"quarantined after {Number("exits")} exits",
            _ => null,
        };
        return line is null ? [] : [line];
    }

    private void SetCause(IncidentRecord incident, string cause)
    {
        if (incident.Cause == cause)
        {
            return;
        }

        var updated = incident with { Cause = cause };
        _open[incident.Service] = updated;
        _events.Publish(EventTypes.IncidentUpdated, incident.Service, IncidentData.Updated(updated, incident.Cause));
    }

    private void Resolve(string service, DateTimeOffset at)
    {
        if (_open.Remove(service, out var incident))
        {
            _verdictTaken.Remove(incident.Id);
            _events.Publish(EventTypes.IncidentResolved, service, IncidentData.Resolved(incident with { Resolved = at }, at));
        }
    }

    private void ArmStability(string service, DateTimeOffset startedAt, TimeSpan after)
    {
        ITimer? timer = null;
        timer = _time.CreateTimer(_ =>
        {
            lock (_gate)
            {
                // A timer replaced or cancelled after it fired but before it got the lock must do nothing.
                if (_stability.TryGetValue(service, out var armed) && ReferenceEquals(armed, timer))
                {
                    CancelStability(service);
                    Resolve(service, startedAt);
                }
            }
        }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _stability[service] = timer;
        timer.Change(after, Timeout.InfiniteTimeSpan);
    }

    private void CancelStability(string service)
    {
        if (_stability.Remove(service, out var timer))
        {
            timer.Dispose();
        }
    }

    /// A specific cause beats crash_loop, which beats unknown; a first specific cause is never replaced.
    private static int Rank(string cause) => cause switch
    {
        Causes.Unknown => 0,
        Causes.CrashLoop => 1,
        _ => 2,
    };

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var t in _stability.Values.Concat(_opening.Values.Select(o => o.Timer)))
            {
                t.Dispose();
            }

            _stability.Clear();
            _opening.Clear();
        }
    }
}
