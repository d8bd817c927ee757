namespace Aurora.Core.Incidents;

/// What the incident tracker needs to know about a service, at the moment it needs it.
public interface IServiceFacts
{
    /// The service's last output lines, oldest first (Aurora's own notes included; the picker drops them).
    IReadOnlyList<string> RecentLines(string service);

    /// Values that must never appear in evidence (env values whose names mark them secret).
    IEnumerable<string> SecretValues(string service);

    /// The cause the supervisor recorded last (ServiceSnapshot.LastCause), if any.
    string? LastCause(string service);

    /// How long a service without a health check must stay up after a start before its incident is
    /// resolved; null when it has a health check (then service.healthy resolves it).
    TimeSpan? StableAfter(string service);
}
