namespace Aurora.Core.Supervision;

/// A service with no process left to adopt, as the store last saw it before the daemon went away: its last
/// published snapshot, and the backoff attempt its last `service.backoff` event carried (0 otherwise).
public sealed record RestoredService(ServiceSnapshot Last, int Attempt)
{
    /// The states a new daemon keeps as they were instead of starting the service: stopped by a person, quarantined,
    /// a one-shot done, or waiting out its backoff. Any other state had a process, which is gone: it starts again; so
    /// does a scheduled service "stopped" with its next run on show (it was waiting for its first run, not stopped).
    public bool Keeps => Last.State is ServiceState.Failed or ServiceState.Exited or ServiceState.Backoff
        || (Last.State == ServiceState.Stopped && Last.NextRunAt is null);
}
