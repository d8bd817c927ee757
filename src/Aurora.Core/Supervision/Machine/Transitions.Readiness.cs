using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Health;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// `ready:` (SPEC §3): a line of output or READY=1 makes the process ready (healthy when it has no health check);
/// not ready within ready.timeout, or no WATCHDOG=1 within ready.watchdog, is a hang.
public static partial class Transitions
{
    private static void OnReady(DecisionBuilder d)
    {
        if (d.Service.Ready)
        {
            return;
        }

        var since = (long)(d.Now - (d.Service.StartedAt ?? d.Now)).TotalMilliseconds;
        if (d.Config.Ready!.Watchdog is { } watchdog)
        {
            d.State = d.State with { WatchdogToken = d.State.WatchdogToken + 1 };
            d.Do(new SupervisorEffect.ArmDeadline(Deadline.Watchdog, watchdog, d.State.Generation, d.State.WatchdogToken));
        }

        if (d.Config.Health is not null)
        {
            d.Publish(d.Service with { Ready = true }, EventTypes.ServiceReady, EventFields.Of(("pid", d.Service.Pid), ("since_start_ms", since)));
            return;
        }

        // No health check: ready is healthy.
        d.State = d.State with { EverHealthy = true, EpisodeCause = null, WaitingFor = null };
        var state = d.Service.State == ServiceState.Degraded ? ServiceState.Degraded : ServiceState.Healthy;
        d.Publish(d.Service with { Ready = true, State = state, Health = HealthStatus.Healthy, HealthDetail = "ready" }, EventTypes.ServiceHealthy,
            EventFields.Of(("pid", d.Service.Pid), ("detail", "ready"), ("since_start_ms", since), ("ready", true)));
    }

    private static void OnNotifyStatus(DecisionBuilder d, string text)
    {
        if (d.Service.StatusText != text)
        {
            d.Publish(d.Service with { StatusText = text }, EventTypes.ServiceUpdated, EventFields.Of(("status", text)));
        }
    }

    private static void OnWatchdogPing(DecisionBuilder d)
    {
        if (d.Service.Ready && d.Config.Ready?.Watchdog is { } watchdog)
        {
            d.State = d.State with { WatchdogToken = d.State.WatchdogToken + 1 };
            d.Do(new SupervisorEffect.ArmDeadline(Deadline.Watchdog, watchdog, d.State.Generation, d.State.WatchdogToken));
        }
    }

    private static void OnDeadline(DecisionBuilder d, Deadline kind, int token)
    {
        var ready = d.Config.Ready;
        var detail = kind switch
        {
            Deadline.Ready when ready is not null && !d.Service.Ready => $"not ready within {Human(ready.Timeout)}",
            Deadline.Watchdog when ready?.Watchdog is { } w && token == d.State.WatchdogToken => $"no WATCHDOG=1 within {Human(w)}",
            _ => null,
        };
        if (detail is null)
        {
            return;
        }

        var unhealthy = d.Service with { State = ServiceState.Unhealthy, Health = HealthStatus.Unhealthy, HealthDetail = detail };
        var data = EventFields.Of(("pid", d.Service.Pid), ("detail", detail), ("timed_out", true));
        if (d.Config.Restart.Policy == RestartPolicyKind.Never)
        {
            d.Publish(unhealthy, EventTypes.ServiceUnhealthy, data);
            return;
        }

        // A hang: the process lives but never said it was ready, or stopped saying it is alive.
        d.State = d.State with { KillCause = Causes.Hang };
        d.Note($"[aurora] {detail} while pid {d.Service.Pid} lives: killing it as hung");
        d.Publish(unhealthy with { LastCause = Causes.Hang }, EventTypes.ServiceUnhealthy, new EventFields(data.Items.Add(new("action", "kill"))));
        d.Do(new SupervisorEffect.Signal(Signals.SIGKILL));
    }

    private static string Human(TimeSpan t) => t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.###}s" : $"{t.TotalMilliseconds:0}ms";
}
