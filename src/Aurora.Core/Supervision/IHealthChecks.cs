using Aurora.Core.Config;
using Aurora.Core.Health;

namespace Aurora.Core.Supervision;

/// Runs a service's health check on a schedule until the returned handle is disposed.
public interface IHealthChecks
{
    IDisposable Watch(ServiceConfig service, Action<HealthResult> onResult);
}
