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
    Task<ServiceSnapshot?> ActAsync(string name, ServiceAction action);
}
