using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Health;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// The process: launched, spawned (or not), exited by itself, or stopped on request.
public static partial class Transitions
{
    /// Launches now if the dependencies allow, otherwise holds the service pending or degraded.
    private static void TryLaunch(DecisionBuilder d, bool isRestart)
    {
        var gate = Gate(d);
        if (!gate.Satisfied)
        {
            var held = d.Service.State is ServiceState.Stopped or ServiceState.Pending or ServiceState.Failed
                ? ServiceState.Pending
                : ServiceState.Degraded;
            Hold(d, held, gate.Reason, held == ServiceState.Degraded ? Causes.DependencyUnavailable : d.Service.LastCause);
            return;
        }

        Launch(d, isRestart);
    }

    private static void Launch(DecisionBuilder d, bool isRestart)
    {
        d.State = d.State with { Generation = d.State.Generation + 1 };
        var restarts = d.Service.Restarts + (isRestart ? 1 : 0);
        d.Publish(d.Service with { State = ServiceState.Starting, Restarts = restarts, Reason = null, NextRestartAt = null, Pid = null },
            EventTypes.ServiceStarting, EventFields.Of(("attempt", d.State.Attempt), ("restart", isRestart)));
        d.Do(new SupervisorEffect.Spawn(d.State.Generation));
    }

    private static void OnSpawned(DecisionBuilder d, SupervisorInput.Spawned spawned)
    {
        d.State = d.State with { KillCause = null, MemoryAtKill = null, EverHealthy = false };
        d.Note($"[aurora] started pid {spawned.Pid}: {string.Join(' ', d.Config.Command)}");
        var waits = d.Config.Health is not null || d.Config.Ready is not null;
        d.Publish(d.Service with
        {
            State = waits ? ServiceState.Starting : ServiceState.Running,
            Pid = spawned.Pid,
            StartTicks = spawned.StartTicks,
            StartedAt = spawned.StartedAt,
            Health = HealthStatus.Unknown,
            HealthDetail = null,
            Ready = false,
            StatusText = null,
        }, EventTypes.ServiceStarted, EventFields.Of(("pid", spawned.Pid)));
        if (d.Config.Health is not null)
        {
            d.Do(new SupervisorEffect.WatchHealth(d.State.Generation));
        }

        if (d.Config.Ready is { } ready)
        {
            d.Do(new SupervisorEffect.ArmDeadline(Deadline.Ready, ready.Timeout, d.State.Generation, 0));
        }
    }

    /// The command could not be executed at all (not found: 127, not executable: 126): an exit record.
    private static void OnSpawnFailed(DecisionBuilder d, SupervisorInput.SpawnFailed failed)
    {
        d.Note($"[aurora] {failed.Message}");
        var cause = failed.ExitCode == 127 ? Causes.MissingDependency : Causes.PermissionDenied;
        var status = new ExitStatus(failed.ExitCode, null);
        HandleExit(d, status, pid: null, TimeSpan.Zero, cause, failed.Message);
        RequestDiagnosis(d, status, TimeSpan.Zero, failed.Message, hungDetail: null, waitForOutput: false);
    }

    /// The measured uptime, or the wall clock's, never negative (a clock set back after the start).
    private static TimeSpan Uptime(DecisionBuilder d, TimeSpan? measured) =>
        measured ?? TimeSpan.FromTicks(Math.Max(0, (d.Now - (d.Service.StartedAt ?? d.Now)).Ticks));

    private static void OnExited(DecisionBuilder d, SupervisorInput.Exited exited)
    {
        var status = exited.Status;
        var uptime = Uptime(d, exited.Uptime);
        var (healthDetail, killCause, pid) = (d.Service.HealthDetail, d.State.KillCause, d.Service.Pid);
        d.Do(new SupervisorEffect.UnwatchHealth());
        d.Do(new SupervisorEffect.UnwatchReadiness());
        HandleExit(d, status, d.Service.Pid, uptime, killCause, detail: null);
        if (!d.Config.IsSuccess(status) || killCause is not null)
        {
            RequestDiagnosis(d, status, uptime, spawnError: null, killCause == Causes.Hang ? healthDetail ?? "failing" : null, waitForOutput: true, pid);
        }
    }

    private static void OnStopCompleted(DecisionBuilder d, SupervisorInput.StopCompleted completed)
    {
        var plan = d.State.Stopping!;
        var pid = d.Service.Pid;
        var uptime = Uptime(d, completed.Uptime);
        d.State = d.State with { Stopping = null };
        d.Note($"[aurora] pid {pid} stopped: {completed.Status}");
        d.Publish(d.Service with
        {
            Pid = null,
            LastExit = completed.Status,
            LastExitOk = d.Config.IsSuccess(completed.Status),
            Health = HealthStatus.Unknown,
            Ready = false,
            StatusText = null
        }, EventTypes.ServiceExited,
            EventFields.Of(("pid", pid), ("exit_code", completed.Status.ExitCode), ("signal", completed.Status.SignalName),
                ("uptime_ms", (long)uptime.TotalMilliseconds), ("requested", true)));
        if (plan.Then != AfterStop.Launch)
        {
            PublishHeld(d, plan);
        }

        FollowStop(d, plan.Then);
    }
}
