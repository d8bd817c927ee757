using Aurora.Core.Events;

namespace Aurora.Core.Supervision;

/// The backoff timer: armed on the way into `backoff`, elapsed on the way out.
public static partial class Transitions
{
    /// restored: the rest of a backoff an earlier daemon began (Transitions.Restore), said in the event.
    private static void ScheduleRestart(DecisionBuilder d, TimeSpan delay, bool restored = false)
    {
        CancelBackoff(d);

        // Armed before the event, so whoever reacts to it (a test advancing a fake clock) finds the timer there.
        d.Do(new SupervisorEffect.ArmBackoff(delay, d.State.Generation));
        d.Publish(d.Service with { State = ServiceState.Backoff, NextRestartAt = d.Now + delay }, EventTypes.ServiceBackoff,
            restored ? EventFields.Of(("delay_ms", (long)delay.TotalMilliseconds), ("attempt", d.State.Attempt), ("restored", true))
                : EventFields.Of(("delay_ms", (long)delay.TotalMilliseconds), ("attempt", d.State.Attempt)));
    }

    private static void OnBackoffElapsed(DecisionBuilder d)
    {
        if (d.State.Wanted && !d.State.HasProcess && d.Service.State == ServiceState.Backoff)
        {
            TryLaunch(d, isRestart: true);
        }
    }
}
