using Aurora.Core.Events;
using Aurora.Core.Health;

namespace Aurora.Core.Supervision;

/// A reload applied in place: restart, stop, log and dependency settings take effect from the next decision;
/// a running process keeps its pid and gets its (possibly new) health check re-armed.
public static partial class Transitions
{
    private static void OnReconfigure(DecisionBuilder d)
    {
        if (!d.State.HasProcess || d.State.Stopping is not null)
        {
            return;
        }

        d.Do(new SupervisorEffect.UnwatchHealth());
        if (d.Config.Health is not null)
        {
            d.Do(new SupervisorEffect.WatchHealth(d.State.Generation));
        }
        else if (d.Service.State is ServiceState.Starting or ServiceState.Healthy or ServiceState.Unhealthy)
        {
            d.Publish(d.Service with { State = ServiceState.Running, Health = HealthStatus.Unknown, HealthDetail = null }, EventTypes.ServiceUpdated,
                EventFields.Of(("health", "none")));
        }
    }
}
