using Aurora.Core.Events;

namespace Aurora.Core.Supervision;

/// Start, stop and restart, and the holding states they lead to.
public static partial class Transitions
{
    private static void OnStart(DecisionBuilder d, bool manual)
    {
        d.State = d.State with { Wanted = true };
        if (manual)
        {
            d.State = d.State with { Failures = [], Attempt = 0 };
            StopWaiting(d);
        }

        if (d.Config.Schedule is not null && !d.State.HasProcess)
        {
            // A scheduled service starts on time; a person starting it runs it now as well.
            ArmSchedule(d, "scheduled");
            if (!manual)
            {
                return;
            }
        }

        if (d.State.HasProcess)
        {
            return;
        }

        CancelBackoff(d);
        TryLaunch(d, isRestart: false);
    }

    /// Stops the running process, if any, and leaves the service where the plan says (at once when there is
    /// no process; otherwise when StopCompleted comes back). The process's own exit is then stale: the stop
    /// bumps the generation.
    private static void StopProcess(DecisionBuilder d, StopPlan plan, bool keepWanted)
    {
        d.State = d.State with { Wanted = keepWanted };
        CancelBackoff(d);
        StopWaiting(d);
        if (!keepWanted)
        {
            PauseSchedule(d, "stopped: aurora start resumes it");
        }

        if (!d.State.HasProcess)
        {
            if (plan.Then != AfterStop.Launch && (d.Service.State != plan.Final || d.Service.Reason != plan.Reason))
            {
                PublishHeld(d, plan);
            }

            FollowStop(d, plan.Then);
            return;
        }

        d.State = d.State with { Generation = d.State.Generation + 1, Stopping = plan };
        d.Do(new SupervisorEffect.UnwatchHealth());
        d.Do(new SupervisorEffect.UnwatchReadiness());
        d.Publish(d.Service with { State = ServiceState.Stopping }, EventTypes.ServiceStopping,
            EventFields.Of(("pid", d.Service.Pid), ("signal", d.Config.Stop.SignalName)));
        d.Do(new SupervisorEffect.StopProcess(d.Config.Stop.Signal, d.Config.Stop.Timeout));
    }

    private static void FollowStop(DecisionBuilder d, AfterStop then)
    {
        switch (then)
        {
            case AfterStop.Start:
                OnStart(d, manual: true);
                break;
            case AfterStop.Launch:
                Launch(d, isRestart: false);
                break;
        }
    }

    private static void PublishHeld(DecisionBuilder d, StopPlan plan)
    {
        var next = d.Service with
        {
            State = plan.Final,
            Reason = plan.Reason,
            NextRestartAt = null,
            LastCause = plan.Cause ?? d.Service.LastCause,
            NextRunAt = d.State.Wanted ? d.Service.NextRunAt : null,
        };
        switch (plan.Final)
        {
            case ServiceState.Stopped:
                d.Publish(next, EventTypes.ServiceStopped);
                break;
            case ServiceState.Degraded:
                d.Publish(next, EventTypes.ServiceDegraded, EventFields.Of(("reason", plan.Reason), ("action", "stop")));
                break;
            default:
                d.Publish(next, EventTypes.ServicePending, EventFields.Of(("reason", plan.Reason)));
                break;
        }
    }

    /// Holds the service without a process: pending (never started, or its dependencies not there yet) or
    /// degraded (a dependency went away). Costs no restart.
    private static void Hold(DecisionBuilder d, ServiceState state, string reason, string? cause)
    {
        CancelBackoff(d);
        if (d.Service.State == state && d.Service.Reason == reason)
        {
            return;
        }

        var type = state == ServiceState.Degraded ? EventTypes.ServiceDegraded : EventTypes.ServicePending;
        d.Publish(d.Service with { State = state, Reason = reason, LastCause = cause, NextRestartAt = null }, type,
            EventFields.Of(("reason", reason)));
    }

    /// Only the backoff state has a timer armed.
    private static void CancelBackoff(DecisionBuilder d)
    {
        if (d.Service.State == ServiceState.Backoff)
        {
            d.Do(new SupervisorEffect.CancelBackoff());
        }
    }
}
