using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Health;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// What an exit that nobody asked for means: done, held for a dependency, a restart after backoff, or quarantine.
public static partial class Transitions
{
    private static void HandleExit(DecisionBuilder d, ExitStatus status, int? pid, TimeSpan uptime, string? cause, string? detail)
    {
        d.Note($"[aurora] {(pid is null ? "spawn failed" : $"pid {pid} exited")}: {status}");
        var data = EventFields.Of(("pid", pid), ("exit_code", status.ExitCode), ("signal", status.SignalName),
            ("uptime_ms", (long)uptime.TotalMilliseconds));
        if (detail is not null)
        {
            data = new EventFields(data.Items.Add(new("error", detail)));
        }

        d.Publish(d.Service with { Pid = null, LastExit = status, Health = HealthStatus.Unknown, LastCause = cause ?? d.Service.LastCause },
            EventTypes.ServiceExited, data);

        if (!d.State.Wanted)
        {
            d.Publish(d.Service with { State = ServiceState.Stopped }, EventTypes.ServiceStopped);
            return;
        }

        var gate = Gate(d);
        if (!gate.Satisfied)
        {
            // Its dependency is down: waiting costs no restart and no quarantine.
            Hold(d, ServiceState.Degraded, gate.Reason, Causes.DependencyUnavailable);
            return;
        }

        var policy = d.Config.Restart.Policy;
        if (policy == RestartPolicyKind.Never || (policy == RestartPolicyKind.OnFailure && status.Success && cause is null))
        {
            d.Publish(d.Service with { State = ServiceState.Exited });
            return;
        }

        if (uptime >= d.Config.Restart.Backoff.ResetAfter)
        {
            d.State = d.State with { Attempt = 0 };
        }

        var limit = d.Config.Restart.Limit;
        var (failures, exceeded) = RestartWindow.Record(d.State.Failures, d.Now, limit);
        d.State = d.State with { Failures = failures };
        if (exceeded)
        {
            d.Note($"[aurora] quarantined: more than {limit.Count} exits within {limit.Within.TotalSeconds:0.###}s; start it by hand");
            d.Publish(d.Service with { State = ServiceState.Failed, LastCause = Causes.CrashLoop }, EventTypes.ServiceFailed,
                EventFields.Of(("exits", failures.Length), ("within_ms", (long)limit.Within.TotalMilliseconds), ("cause", Causes.CrashLoop)));
            return;
        }

        d.State = d.State with { Attempt = d.State.Attempt + 1 };
        var delay = Backoff.Next(d.State.Attempt, d.Config.Restart.Backoff, () => d.Roll);
        if (delay <= TimeSpan.Zero)
        {
            Launch(d, isRestart: true);
            return;
        }

        ScheduleRestart(d, delay);
    }
}
