using Aurora.Core.Events;

namespace Aurora.Core.Incidents;

/// Opening an incident waits EvidenceDelay for the failed process's last output; the service's events that
/// arrive meanwhile are held and handled, in order, once the incident is open.
public sealed partial class IncidentTracker
{
    private readonly Dictionary<string, Opening> _opening = [];

    private void BeginOpening(string service, AuroraEvent trigger)
    {
        if (_evidenceDelay <= TimeSpan.Zero)
        {
            OpenNow(service, trigger);
            return;
        }

        Opening? opening = null;
        var timer = _time.CreateTimer(_ =>
        {
            lock (_gate)
            {
                if (_opening.TryGetValue(service, out var current) && ReferenceEquals(current, opening))
                {
                    _opening.Remove(service);
                    current.Timer.Dispose();
                    OpenNow(service, trigger);
                    foreach (var e in current.Held)
                    {
                        Apply(e);
                    }
                }
            }
        }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        opening = new Opening(timer);
        _opening[service] = opening;
        timer.Change(_evidenceDelay, Timeout.InfiniteTimeSpan);
    }

    /// True when the event's service is still opening an incident: the event is held until it is open.
    private bool Defer(AuroraEvent e)
    {
        if (!_opening.TryGetValue(e.Service!, out var opening))
        {
            return false;
        }

        opening.Held.Add(e);
        return true;
    }

    private sealed record Opening(ITimer Timer)
    {
        public List<AuroraEvent> Held { get; } = [];
    }
}
