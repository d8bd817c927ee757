using Aurora.Core.Events;
using Aurora.Core.Health;

namespace Aurora.Core.Supervision;

/// Restore: after a daemon crash (or handover), a service that had no process stays as it was, instead of being
/// started like the rest of the stack: stopped by a person stays stopped, quarantined stays failed with its cause,
/// a one-shot that was done stays exited (its schedule armed again), one in backoff restarts once its backoff is
/// over. Each publishes its state's own event with `restored: true`.
public static partial class Transitions
{
    private static void OnRestore(DecisionBuilder d, SupervisorInput.Restore restore)
    {
        if (d.State.HasProcess || d.State.Stopping is not null)
        {
            return;
        }

        var last = restore.Last;
        var kept = d.Service with
        {
            Pid = null,
            Restarts = last.Restarts,
            LastExit = last.LastExit,
            LastExitOk = last.LastExitOk,
            LastCause = last.LastCause,
            Reason = last.Reason,
            Health = HealthStatus.Unknown,
            HealthDetail = null,
            Ready = false,
            StatusText = null,
            NextRestartAt = null,
            NextRunAt = null,
        };
        var restored = EventFields.Of(("restored", true));
        switch (last.State)
        {
            case ServiceState.Stopped:
                d.State = d.State with { Wanted = false };
                d.Publish(kept with { State = ServiceState.Stopped }, EventTypes.ServiceStopped, restored);
                break;
            case ServiceState.Failed:
                // Quarantined: wanted (as after the limit was reached), waiting for `aurora start`; its schedule stays paused.
                d.State = d.State with { Wanted = true, EpisodeCause = last.LastCause };
                d.Publish(kept with { State = ServiceState.Failed }, EventTypes.ServiceFailed,
                    EventFields.Of(("cause", last.LastCause), ("restored", true)));
                break;
            case ServiceState.Exited:
                d.State = d.State with { Wanted = true };
                d.Publish(kept with { State = ServiceState.Exited }, EventTypes.ServiceExited, restored);
                if (d.Config.Schedule is not null)
                {
                    ArmSchedule(d, "restored");
                }

                break;
            case ServiceState.Backoff:
                // The rest of its backoff, then the restart (at once when it is over): the backoff event that arms the
                // timer publishes the kept fields with it.
                d.State = d.State with { Wanted = true, Attempt = restore.Attempt, EpisodeCause = last.LastCause, Service = kept };
                var left = (last.NextRestartAt ?? d.Now) - d.Now;
                if (left > TimeSpan.Zero)
                {
                    ScheduleRestart(d, left, restored: true);
                }
                else
                {
                    TryLaunch(d, isRestart: true);
                }

                break;
        }
    }
}
