namespace Aurora.Core.Incidents;

/// What one service event means for that service's failure episode.
public enum IncidentSignal
{
    /// Nothing for incidents (e.g. service.starting, service.backoff, events of other kinds).
    None,

    /// A failure: opens an incident, or adds to the open one.
    Bad,

    /// Healthy again (service.healthy, or a clean exit 0 of a one-shot): resolves the open incident.
    Good,

    /// Running again: resolves once it has stayed up (services without a health check).
    Up,

    /// Stopped or stopping on purpose: neither opens nor resolves, and an `Up` stops counting.
    Down,
}
