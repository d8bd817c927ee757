using Aurora.Core.Events;

namespace Aurora.Core.Healing;

/// Which incident each service's verdict belongs to, as the healer reads them off the stream: the incident open
/// now, or one resolved moments before the verdict arrived (a quick restart can resolve it before its diagnosis,
/// which waits up to half a second for the last output). A verdict that arrives first waits for its
/// incident.opened; one that finds none within MaxWait of itself is dropped.
internal sealed class IncidentBook
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// How long after its resolution a late verdict still belongs to an incident.
    public static readonly TimeSpan LateVerdict = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Id, DateTimeOffset? Resolved)> _latest = [];
    private readonly Dictionary<string, AuroraEvent> _waiting = [];

    public HealRequest? Opened(string service, string id, DateTimeOffset at)
    {
        lock (_gate)
        {
            _latest[service] = (id, null);
            return _waiting.Remove(service, out var verdict) && at - verdict.Time <= MaxWait
                ? new HealRequest(service, HealingEngine.VerdictOf(verdict), id)
                : null;
        }
    }

    public HealRequest? Resolved(string service, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_latest.TryGetValue(service, out var latest))
            {
                _latest[service] = latest with { Resolved = at };
            }

            return null;
        }
    }

    public HealRequest? Verdict(string service, AuroraEvent verdict)
    {
        lock (_gate)
        {
            if (Current(service, verdict.Time) is { } id)
            {
                return new HealRequest(service, HealingEngine.VerdictOf(verdict), id);
            }

            _waiting[service] = verdict;
            return null;
        }
    }

    /// The incident a verdict at `at` belongs to: the open one, or one resolved less than LateVerdict before it.
    public string? Current(string service, DateTimeOffset at)
    {
        lock (_gate)
        {
            return _latest.TryGetValue(service, out var l) && (l.Resolved is not { } resolved || at - resolved <= LateVerdict) ? l.Id : null;
        }
    }
}
