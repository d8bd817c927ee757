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
            ArmSchedule(d, "due", skipped: "quarantined: start it by hand to resume");
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
