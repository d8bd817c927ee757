using Aurora.Core.Events;
using Aurora.Core.Scheduling;

namespace Aurora.Core.Supervision;

/// `schedule:` (SPEC §3): a one-shot service runs on time. A run due while the last one still runs is skipped with
/// an event (or, with `overlap: allow`, started when that one ends); a quarantined service's runs are skipped until
/// `aurora start`; a stop pauses the schedule.
public static partial class Transitions
{
    /// Arms the next run and publishes it (service.scheduled); `why` says what led to it.
    private static void ArmSchedule(DecisionBuilder d, string why, string? skipped = null, bool queued = false)
    {
        var next = ScheduleClock.Next(d.Config.Schedule!, d.Now);
        d.State = d.State with { ScheduleToken = d.State.ScheduleToken + 1 };
        if (next is { } at)
        {
            d.Do(new SupervisorEffect.ArmSchedule(at, d.State.ScheduleToken));
        }

        var data = EventFields.Of(("next_run_at", next?.ToString("o")), ("why", why), ("skipped", skipped), ("queued", queued));
        d.Publish(d.Service with { NextRunAt = next }, EventTypes.ServiceScheduled, data);
    }

    private static void OnScheduleDue(DecisionBuilder d)
    {
        if (!d.State.Wanted)
        {
            return;
        }

        var running = d.State.HasProcess || d.Service.State is ServiceState.Backoff or ServiceState.Starting;
        if (d.Service.State == ServiceState.Failed)
        {
            PauseSchedule(d, Quarantined);
            return;
        }

        if (running)
        {
            if (d.Config.Schedule!.AllowOverlap)
            {
                d.State = d.State with { RunAgain = true };
                ArmSchedule(d, "due", queued: true);
            }
            else
            {
                ArmSchedule(d, "due", skipped: "the last run is still running");
            }

            return;
        }

        ArmSchedule(d, "due");
        TryLaunch(d, isRestart: false);
    }

    private const string Quarantined = "quarantined: aurora start resumes it";

    /// Quarantine and a stop pause the schedule: its timer is cancelled and no next run is shown until `aurora start`
    /// arms it again (a next run on show that would only be skipped says the wrong thing).
    private static void PauseSchedule(DecisionBuilder d, string why)
    {
        if (d.Config.Schedule is null)
        {
            return;
        }

        d.Do(new SupervisorEffect.CancelSchedule());
        d.State = d.State with { ScheduleToken = d.State.ScheduleToken + 1, RunAgain = false };
        if (d.Service.NextRunAt is not null)
        {
            d.Publish(d.Service with { NextRunAt = null }, EventTypes.ServiceScheduled,
                EventFields.Of(("next_run_at", null), ("why", why), ("paused", true)));
        }
    }

    /// After a scheduled run ends: the run that came due meanwhile (`overlap: allow`) starts now.
    private static bool RunQueued(DecisionBuilder d)
    {
        if (!d.State.RunAgain || !d.State.Wanted)
        {
            return false;
        }

        d.State = d.State with { RunAgain = false };
        TryLaunch(d, isRestart: false);
        return true;
    }
}
