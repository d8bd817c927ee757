using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Processes;

namespace Aurora.Core.Health;

/// The daemon's IHealthChecks: one probe per service instance on the shared HealthScheduler.
public sealed class ScheduledHealthChecks(HealthScheduler scheduler, IProcessLauncher launcher,
    ImmutableDictionary<string, string> baseEnvironment, TimeProvider time) : IHealthChecks
{
    public IDisposable Watch(ServiceConfig service, Action<HealthResult> onResult)
    {
        var check = service.Health ?? throw new ArgumentException($"{service.Name} has no health check", nameof(service));
        var env = baseEnvironment.SetItems(service.Environment);
        var probe = HealthProbeFactory.Create(check, service.WorkingDirectory, env, launcher, time);
        return scheduler.Schedule(check, probe, onResult);
    }
}
