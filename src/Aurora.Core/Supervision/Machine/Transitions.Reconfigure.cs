using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Health;

namespace Aurora.Core.Supervision;

/// A reload applied in place: restart, stop, log and dependency settings take effect from the next decision;
/// a running process keeps its pid and gets its (possibly new) health check re-armed.
public static partial class Transitions
{
    private static void OnReconfigure(DecisionBuilder d, ServiceConfig before)
    {
        if (before.Schedule != d.Config.Schedule && d.State.Wanted && d.Service.State != ServiceState.Failed)
        {
            if (d.Config.Schedule is null)
            {
                d.Do(new SupervisorEffect.CancelSchedule());
                d.State = d.State with { ScheduleToken = d.State.ScheduleToken + 1, RunAgain = false };
                d.Publish(d.Service with { NextRunAt = null }, EventTypes.ServiceScheduled, EventFields.Of(("next_run_at", null), ("why", "schedule removed")));
            }
            else
            {
                ArmSchedule(d, "reconfigured");
            }
        }

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
