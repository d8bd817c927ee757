using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Health;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

public sealed partial class ServiceSupervisor
{
    private void OnStart(bool manual)
    {
        _wanted = true;
        if (manual)
        {
            _limiter.Reset();
            _attempt = 0;
        }

        if (_process is not null)
        {
            return;
        }

        CancelBackoff();
        TryLaunch(isRestart: false);
    }

    /// Launches now if the dependencies allow, otherwise holds the service pending or degraded.
    private void TryLaunch(bool isRestart)
    {
        var gate = EvaluateGate(_ctx.States.All);
        if (!gate.Satisfied)
        {
            var held = _snapshot.State is ServiceState.Stopped or ServiceState.Pending or ServiceState.Failed
                ? ServiceState.Pending
                : ServiceState.Degraded;
            Hold(held, gate.Reason, held == ServiceState.Degraded ? Causes.DependencyUnavailable : _snapshot.LastCause);
            return;
        }

        Launch(isRestart);
    }

    private void Launch(bool isRestart)
    {
        _generation++;
        var generation = _generation;
        var restarts = _snapshot.Restarts + (isRestart ? 1 : 0);
        Publish(_snapshot with { State = ServiceState.Starting, Restarts = restarts, Reason = null, NextRestartAt = null, Pid = null },
            EventTypes.ServiceStarting, new EventData().Add("attempt", _attempt).Add("restart", isRestart));

        IRunningProcess process;
        try
        {
            process = _ctx.Launcher.Start(BuildSpec());
        }
        catch (ProcessSpawnException ex)
        {
            _output.WriteNote($"[aurora] {ex.Message}");
            var cause = ex.ExitCode == 127 ? Causes.MissingDependency : Causes.PermissionDenied;
            var status = new ExitStatus(ex.ExitCode, null);
            HandleExit(status, pid: null, uptime: TimeSpan.Zero, cause, ex.Message);
            Diagnose(status, TimeSpan.Zero, spawnError: ex.Message, drained: Task.CompletedTask);
            return;
        }

        _process = process;
        _killCause = null;
        _output.WriteNote($"[aurora] started pid {process.Pid}: {string.Join(' ', _config.Command)}");
        var hasHealth = _config.Health is not null;
        Publish(_snapshot with
        {
            State = hasHealth ? ServiceState.Starting : ServiceState.Running,
            Pid = process.Pid,
            StartTicks = process.StartTicks,
            StartedAt = process.StartedAt,
            Health = HealthStatus.Unknown,
            HealthDetail = null,
        }, EventTypes.ServiceStarted, new EventData().Add("pid", process.Pid));

        _everHealthy = false;
        if (_config.Health is not null)
        {
            StartHealth(process);
        }

        process.Exited.ContinueWith(
            t => _inbox.Writer.TryWrite(new SupervisorCommand.ProcessExited(generation, t.Result)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private ProcessSpec BuildSpec()
    {
        var env = _ctx.BaseEnvironment.SetItems(_config.Environment);
        _writer = new DrainTrackingSink(_output.OpenWriter());
        return new ProcessSpec(_config.Command, _config.WorkingDirectory, env, $"{_ctx.ProjectId}/{_config.Name}", _writer);
    }

    private void OnProcessExited(ExitStatus status)
    {
        var process = _process!;
        _process = null;
        StopHealth();
        var uptime = _ctx.Time.GetUtcNow() - process.StartedAt;
        var healthDetail = _snapshot.HealthDetail;
        var killCause = _killCause;
        var drained = _writer?.Drained ?? Task.CompletedTask;
        HandleExit(status, process.Pid, uptime, killCause, detail: null);
        if (!status.Success || killCause is not null)
        {
            Diagnose(status, uptime, spawnError: null, drained, killCause == Causes.Hang ? healthDetail ?? "failing" : null);
        }
    }

    /// Decides what an exit means: done, held for a dependency, a restart after backoff, or quarantine.
    private void HandleExit(ExitStatus status, int? pid, TimeSpan uptime, string? cause, string? detail)
    {
        _output.WriteNote($"[aurora] {(pid is null ? "spawn failed" : $"pid {pid} exited")}: {status}");
        var data = new EventData().Add("pid", pid).Add("exit_code", status.ExitCode).Add("signal", status.SignalName)
            .Add("uptime_ms", (long)uptime.TotalMilliseconds);
        if (detail is not null)
        {
            data.Add("error", detail);
        }

        var exited = _snapshot with { Pid = null, LastExit = status, Health = HealthStatus.Unknown, LastCause = cause ?? _snapshot.LastCause };
        Publish(exited, EventTypes.ServiceExited, data);

        if (!_wanted)
        {
            Publish(_snapshot with { State = ServiceState.Stopped }, EventTypes.ServiceStopped);
            return;
        }

        var gate = EvaluateGate(_ctx.States.All);
        if (!gate.Satisfied)
        {
            // Its dependency is down: waiting costs no restart and no quarantine.
            Hold(ServiceState.Degraded, gate.Reason, Causes.DependencyUnavailable);
            return;
        }

        var policy = _config.Restart.Policy;
        if (policy == RestartPolicyKind.Never || (policy == RestartPolicyKind.OnFailure && status.Success && cause is null))
        {
            Publish(_snapshot with { State = ServiceState.Exited }, null);
            return;
        }

        var now = _ctx.Time.GetUtcNow();
        if (uptime >= _config.Restart.Backoff.ResetAfter)
        {
            _attempt = 0;
        }

        if (_limiter.RecordFailure(now))
        {
            var limit = _config.Restart.Limit;
            _output.WriteNote($"[aurora] quarantined: more than {limit.Count} exits within {limit.Within.TotalSeconds:0.###}s; start it by hand");
            Publish(_snapshot with { State = ServiceState.Failed, LastCause = Causes.CrashLoop },
                EventTypes.ServiceFailed, new EventData().Add("exits", _limiter.RecentFailures)
                    .Add("within_ms", (long)limit.Within.TotalMilliseconds).Add("cause", Causes.CrashLoop));
            return;
        }

        _attempt++;
        var delay = Backoff.Next(_attempt, _config.Restart.Backoff, _ctx.Random);
        if (delay <= TimeSpan.Zero)
        {
            Launch(isRestart: true);
            return;
        }

        ScheduleRestart(delay);
    }

    private void ScheduleRestart(TimeSpan delay)
    {
        var generation = _generation;
        CancelBackoff();
        var cts = _backoff = new CancellationTokenSource();
        _ = Task.Delay(delay, _ctx.Time, cts.Token).ContinueWith(
            t =>
            {
                if (!t.IsCanceled)
                {
                    _inbox.Writer.TryWrite(new SupervisorCommand.BackoffElapsed(generation));
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        // Published after the timer exists, so whoever reacts to the event (a test advancing a fake clock) finds it armed.
        Publish(_snapshot with { State = ServiceState.Backoff, NextRestartAt = _ctx.Time.GetUtcNow() + delay },
            EventTypes.ServiceBackoff, new EventData().Add("delay_ms", (long)delay.TotalMilliseconds).Add("attempt", _attempt));
    }

    private void OnBackoffElapsed()
    {
        if (_wanted && _process is null && _snapshot.State == ServiceState.Backoff)
        {
            TryLaunch(isRestart: true);
        }
    }

    /// Stops the running process (if any) and leaves the service in `final`.
    private async Task StopProcessAsync(ServiceState final, string? reason, bool keepWanted = false, string? cause = null)
    {
        _wanted = keepWanted;
        CancelBackoff();
        var process = _process;
        if (process is null)
        {
            if (_snapshot.State != final || _snapshot.Reason != reason)
            {
                PublishHeld(final, reason, cause);
            }

            return;
        }

        // Bump the generation so the exit of this process is handled here, not as a crash.
        _generation++;
        _process = null;
        StopHealth();
        Publish(_snapshot with { State = ServiceState.Stopping }, EventTypes.ServiceStopping,
            new EventData().Add("pid", process.Pid).Add("signal", _config.Stop.SignalName));
        var status = await process.StopAsync(_config.Stop.Signal, _config.Stop.Timeout, CancellationToken.None);
        var uptime = _ctx.Time.GetUtcNow() - process.StartedAt;
        _output.WriteNote($"[aurora] pid {process.Pid} stopped: {status}");
        Publish(_snapshot with { Pid = null, LastExit = status, Health = HealthStatus.Unknown }, EventTypes.ServiceExited,
            new EventData().Add("pid", process.Pid).Add("exit_code", status.ExitCode).Add("signal", status.SignalName)
                .Add("uptime_ms", (long)uptime.TotalMilliseconds).Add("requested", true));
        PublishHeld(final, reason, cause);
    }

    private void PublishHeld(ServiceState final, string? reason, string? cause)
    {
        var next = _snapshot with { State = final, Reason = reason, NextRestartAt = null, LastCause = cause ?? _snapshot.LastCause };
        switch (final)
        {
            case ServiceState.Stopped:
                Publish(next, EventTypes.ServiceStopped);
                break;
            case ServiceState.Degraded:
                Publish(next, EventTypes.ServiceDegraded, new EventData().Add("reason", reason).Add("action", "stop"));
                break;
            default:
                Publish(next, null);
                break;
        }
    }

    private void Hold(ServiceState state, string reason, string? cause)
    {
        CancelBackoff();
        if (_snapshot.State == state && _snapshot.Reason == reason)
        {
            return;
        }

        var type = state == ServiceState.Degraded ? EventTypes.ServiceDegraded : EventTypes.ServicePending;
        Publish(_snapshot with { State = state, Reason = reason, LastCause = cause, NextRestartAt = null }, type,
            new EventData().Add("reason", reason));
    }

    private void CancelBackoff()
    {
        _backoff?.Cancel();
        _backoff?.Dispose();
        _backoff = null;
    }

    private void StartHealth(IRunningProcess process)
    {
        var generation = _generation;
        var tracker = new HealthTracker(_config.Health!, process.StartedAt);
        // Results are observed where they arrive (the scheduler delivers one service's results one at a
        // time, in order); the loop hears only of a change of status. With 200 services checked every
        // second, a wake of every loop for each steady result was most of the checks' cost.
        _healthWatch = _ctx.Health.Watch(_config, r =>
        {
            var status = tracker.Observe(r, _ctx.Time.GetUtcNow());
            if (tracker.Changed)
            {
                _inbox.Writer.TryWrite(new SupervisorCommand.HealthChanged(generation, r, status, tracker.ConsecutiveFailures));
            }
        });
    }

    private void StopHealth()
    {
        _healthWatch?.Dispose();
        _healthWatch = null;
    }

    private void Publish(ServiceSnapshot next, string? eventType, EventData? data = null)
    {
        next = next with { Version = _ctx.States.NextVersion() };
        Volatile.Write(ref _snapshot, next);
        _ctx.States.Publish(next);
        if (eventType is not null)
        {
            _ctx.Events.Publish(eventType, next.Name, (data ?? new EventData().Add("state", next.State.ToWire())).Build());
        }
    }

}
