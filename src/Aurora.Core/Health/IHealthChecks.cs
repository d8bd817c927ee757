using Aurora.Core.Config;

namespace Aurora.Core.Health;

/// Runs a service's health check on a schedule until the returned handle is disposed.
public interface IHealthChecks
{
    IDisposable Watch(ServiceConfig service, Action<HealthResult> onResult);
}
