using Aurora.Core.Config;
using Aurora.Core.Supervision;

namespace Aurora.Core.Notify;

/// The rule for READY=1 (issue 18): a stack is ready when every service has settled.
public static class ServiceSettling
{
    /// Up: healthy, or running without a health check. Completed: a one-shot that exited. Failed: quarantined.
    /// Unhealthy: its process lives but its check failed `retries` times (a verdict, like failed: waiting
    /// longer would leave systemd's start hanging on one bad service). Stopped: not wanted (stopped on
    /// request). Degraded: running on while a dependency is down. HeldBack: pending or degraded without a
    /// process behind a dependency that has settled without meeting its condition (it failed, completed
    /// when it had to be healthy, …), so it cannot start by itself. Everything else (pending for a dependency
    /// still on its way, starting, backoff, stopping, running while its health is unknown) is Starting.
    public static Settling Of(ServiceConfig service, IReadOnlyDictionary<string, ServiceSnapshot> states,
        IReadOnlyDictionary<string, ServiceConfig> configs) =>
        Of(service, states, configs, []);

    private static Settling Of(ServiceConfig service, IReadOnlyDictionary<string, ServiceSnapshot> states,
        IReadOnlyDictionary<string, ServiceConfig> configs, HashSet<string> visiting)
    {
        if (states.GetValueOrDefault(service.Name) is not { } s)
        {
            return Settling.Starting;
        }

        return s.State switch
        {
            ServiceState.Healthy => Settling.Up,
            ServiceState.Running => service.Health is null ? Settling.Up : Settling.Starting,
            ServiceState.Unhealthy => Settling.Unhealthy,
            ServiceState.Exited => Settling.Completed,
            ServiceState.Failed => Settling.Failed,
            ServiceState.Stopped => Settling.Stopped,
            ServiceState.Degraded when s.Pid is not null => Settling.Degraded,
            ServiceState.Pending or ServiceState.Degraded => Blocked(service, states, configs, visiting) ? Settling.HeldBack : Settling.Starting,
            _ => Settling.Starting,
        };
    }

    /// True when a dependency it waits for has settled without meeting its condition, or is not there at all.
    private static bool Blocked(ServiceConfig service, IReadOnlyDictionary<string, ServiceSnapshot> states,
        IReadOnlyDictionary<string, ServiceConfig> configs, HashSet<string> visiting)
    {
        if (!visiting.Add(service.Name))
        {
            return false; // a cycle (the loader rejects them): nothing to conclude from it
        }

        try
        {
            foreach (var dependency in service.DependsOn)
            {
                if (states.GetValueOrDefault(dependency.Service) is not { } d || !configs.TryGetValue(dependency.Service, out var config))
                {
                    return true;
                }

                if (!d.Satisfies(dependency.Condition) && Of(config, states, configs, visiting) != Settling.Starting)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            visiting.Remove(service.Name);
        }
    }
}
