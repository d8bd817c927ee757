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
        var success = d.Config.IsSuccess(status);
        var data = EventFields.Of(("pid", pid), ("exit_code", status.ExitCode), ("signal", status.SignalName),
            ("uptime_ms", (long)uptime.TotalMilliseconds), ("success", success && cause is null));
        if (detail is not null)
        {
            data = new EventFields(data.Items.Add(new("error", detail)));
        }

        // A run long enough to reset the backoff also ends the failure episode: its cause is history.
        if (uptime >= d.Config.Restart.Backoff.ResetAfter)
        {
            d.State = d.State with { Attempt = 0, EpisodeCause = null, WaitingFor = null };
        }

        if (cause is not null)
        {
            d.State = d.State with { EpisodeCause = Specific(d.State.EpisodeCause) ?? cause };
        }

        var exited = d.Service with
        {
            Pid = null,
            LastExit = status,
            LastExitOk = success && cause is null,
            Health = HealthStatus.Unknown,
            Ready = false,
            StatusText = null,
            LastCause = EpisodeCause(d) ?? d.Service.LastCause,
        };
        var policy = d.Config.Restart.Policy;
        var done = policy == RestartPolicyKind.Never || (policy == RestartPolicyKind.OnFailure && success && cause is null);
        var gate = Gate(d);
        if (d.State.Wanted && gate.Satisfied && done)
        {
            d.Publish(exited with { State = ServiceState.Exited }, EventTypes.ServiceExited, data);
            RunQueued(d);
            return;
        }

        d.Publish(exited, EventTypes.ServiceExited, data);
        if (!d.State.Wanted)
        {
            d.Publish(d.Service with { State = ServiceState.Stopped }, EventTypes.ServiceStopped);
            return;
        }

        if (!gate.Satisfied)
        {
            // Its dependency is down: waiting costs no restart and no quarantine.
            Hold(d, ServiceState.Degraded, gate.Reason, Causes.DependencyUnavailable);
            return;
        }

        // Still no answer from the address it waits for: wait again, without counting toward the limit.
        if (d.State.WaitingFor is { } address && !success)
        {
            HoldForAddress(d, address);
            return;
        }

        var limit = d.Config.Restart.Limit;
        var (failures, exceeded) = RestartWindow.Record(d.State.Failures, d.Now, limit);
        d.State = d.State with { Failures = failures };
        if (exceeded)
        {
            // Quarantine is a state, not a cause: the episode keeps the most specific cause found in it.
            var kept = EpisodeCause(d) ?? Causes.CrashLoop;
            d.Note($"[aurora] quarantined: more than {limit.Count} exits within {limit.Within.TotalSeconds:0.###}s ({kept}); start it by hand");
            d.Publish(d.Service with { State = ServiceState.Failed, LastCause = kept }, EventTypes.ServiceFailed,
                EventFields.Of(("exits", failures.Length), ("within_ms", (long)limit.Within.TotalMilliseconds), ("cause", kept),
                    ("limit_reached", true)));
            PauseSchedule(d, Quarantined);
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

    /// The most specific cause found in the current failure episode, if any.
    private static string? EpisodeCause(DecisionBuilder d) => Specific(d.State.EpisodeCause);

    /// A cause that says why, not just that it failed (unknown and crash_loop say nothing a state does not).
    private static string? Specific(string? cause) => cause is null or Causes.Unknown or Causes.CrashLoop ? null : cause;
}
