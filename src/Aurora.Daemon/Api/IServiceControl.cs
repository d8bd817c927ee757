using Aurora.Core.Healing;
using Aurora.Core.Supervision;

namespace Aurora.Daemon.Api;

public enum ServiceAction
{
    Start,
    Stop,
    Restart,
}

/// What the service routes may do to a service.
public interface IServiceControl
{
    /// Carries out the action on the service NAME, or on every replica of NAME, and answers with their snapshots after
    /// it; empty when there is no such service. source: who asked (SPEC §5 data.source).
    Task<IReadOnlyList<ServiceSnapshot>> ActAsync(string name, ServiceAction action, string source);

    /// `aurora scale NAME N`.
    Task<Hosting.ScaleOutcome> ScaleAsync(string name, int replicas, string source, CancellationToken ct);

    /// `aurora heal NAME`: diagnose now and run the fix path; null when there is no such service.
    Task<HealOutcome?> HealAsync(string name, string source, CancellationToken ct);
}
