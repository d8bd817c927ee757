using Aurora.Core.Events;
using Aurora.Core.Health;

namespace Aurora.Core.Supervision;

/// Adoption: a new daemon takes over a service whose process outlived the old one.
public static partial class Transitions
{
    private static void OnAdopt(DecisionBuilder d, SupervisorInput.Adopt adopt)
    {
        // A service with a process of its own takes no other.
        if (d.State.HasProcess || d.State.Stopping is not null)
        {
            return;
        }

        var memo = adopt.Memo;
        d.State = d.State with
        {
            Wanted = true,
            Generation = d.State.Generation + 1,
            Attempt = memo?.Attempt ?? 0,
            Failures = memo?.Failures ?? [],
            EpisodeCause = memo?.EpisodeCause,
            EverHealthy = false,
            KillCause = null,
        };

        // Its health is not known until the checks, resumed now, say; a ready check it passed before.
        var ready = d.Config.Ready is not null;
        var state = d.Config.Health is not null ? ServiceState.Starting : ready ? ServiceState.Healthy : ServiceState.Running;
        d.Note($"[aurora] adopted pid {adopt.Pid} (running since {adopt.StartedAt:yyyy-MM-dd HH:mm:ss} UTC) from an earlier daemon");
        if (adopt.DroppedBytes > 0)
        {
            d.Note($"[aurora] {adopt.DroppedBytes} bytes of output written while no daemon ran were dropped (the holder keeps the newest 1 MiB)");
        }

        d.Publish(d.Service with
        {
            State = state,
            Pid = adopt.Pid,
            StartTicks = adopt.StartTicks,
            StartedAt = adopt.StartedAt,
            Restarts = memo?.Restarts ?? d.Service.Restarts,
            LastCause = memo?.LastCause ?? d.Service.LastCause,
            Health = HealthStatus.Unknown,
            HealthDetail = null,
            Ready = ready,
            StatusText = null,
            Reason = null,
            NextRestartAt = null,
        }, EventTypes.ServiceAdopted, EventFields.Of(("pid", adopt.Pid), ("restarts", memo?.Restarts ?? d.Service.Restarts),
            ("uptime_ms", Math.Max(0, (long)(d.Now - adopt.StartedAt).TotalMilliseconds)), ("held_bytes", adopt.HeldBytes), ("dropped_bytes", adopt.DroppedBytes)));
        d.Do(new SupervisorEffect.Attach(d.State.Generation));

        // `ready.watchdog`: its pings come to the same socket again (Attach binds it), so the deadline runs again.
        if (d.Config.Ready?.Watchdog is { } watchdog)
        {
            d.State = d.State with { WatchdogToken = d.State.WatchdogToken + 1 };
            d.Do(new SupervisorEffect.ArmDeadline(Deadline.Watchdog, watchdog, d.State.Generation, d.State.WatchdogToken));
        }

        if (d.Config.Health is not null)
        {
            d.Do(new SupervisorEffect.WatchHealth(d.State.Generation));
        }
    }
}
