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
    /// Carries out the action and answers with the snapshot after it; null when there is no such service.
    /// source: who asked (SPEC §5 data.source).
    Task<ServiceSnapshot?> ActAsync(string name, ServiceAction action, string source);

    /// `aurora heal NAME`: diagnose now and run the fix path; null when there is no such service.
    Task<HealOutcome?> HealAsync(string name, string source, CancellationToken ct);
}
