using Aurora.Core.Config;

namespace Aurora.Core.Supervision;

/// The supervisor of one service as a pure function: Decide(state, input, config, now) gives the next state
/// and the effects. No I/O, no clock, no randomness of its own (the backoff's jitter is the roll argument).
/// docs/state-machine.md is its table; TransitionTableTests walks that table against this function.
public static partial class Transitions
{
    public static Decision Decide(SupervisorState state, SupervisorInput input, ServiceConfig config, DateTimeOffset now, double roll = 0.5)
    {
        // A reload decides with the config it brings.
        var d = new DecisionBuilder(state, input is SupervisorInput.Reconfigure r ? r.Config : config, now, roll);
        switch (input)
        {
            case SupervisorInput.Start start:
                OnStart(d, start.Manual);
                break;
            case SupervisorInput.Stop:
                StopProcess(d, new StopPlan(ServiceState.Stopped, null, null, AfterStop.Stay), keepWanted: false);
                break;
            case SupervisorInput.Restart:
                StopProcess(d, new StopPlan(ServiceState.Stopped, null, null, AfterStop.Start), keepWanted: false);
                break;
            case SupervisorInput.Spawned spawned:
                OnSpawned(d, spawned);
                break;
            case SupervisorInput.SpawnFailed failed:
                OnSpawnFailed(d, failed);
                break;
            case SupervisorInput.Exited exited when exited.Generation == state.Generation && state.HasProcess:
                OnExited(d, exited);
                break;
            case SupervisorInput.StopCompleted completed when state.Stopping is not null:
                OnStopCompleted(d, completed);
                break;
            case SupervisorInput.HealthChanged health when health.Generation == state.Generation && state.HasProcess && d.Config.Health is not null:
                OnHealthChanged(d, health);
                break;
            case SupervisorInput.DependencyChanged changed:
                OnDependencyChanged(d, changed.Dependency);
                break;
            case SupervisorInput.Ready ready when ready.Generation == state.Generation && state.HasProcess && d.Config.Ready is not null:
                OnReady(d);
                break;
            case SupervisorInput.NotifyStatus status when status.Generation == state.Generation && state.HasProcess:
                OnNotifyStatus(d, status.Text);
                break;
            case SupervisorInput.WatchdogPing ping when ping.Generation == state.Generation && state.HasProcess:
                OnWatchdogPing(d);
                break;
            case SupervisorInput.DeadlinePassed deadline when deadline.Generation == state.Generation && state.HasProcess:
                OnDeadline(d, deadline.Kind, deadline.Token);
                break;
            case SupervisorInput.AddressAnswered answered when answered.Generation == state.Generation:
                OnAddressAnswered(d, answered.Address);
                break;
            case SupervisorInput.ScheduleDue due when due.Token == state.ScheduleToken && d.Config.Schedule is not null:
                OnScheduleDue(d);
                break;
            case SupervisorInput.BackoffElapsed elapsed when elapsed.Generation == state.Generation:
                OnBackoffElapsed(d);
                break;
            case SupervisorInput.Reconfigure:
                OnReconfigure(d, config);
                break;
            case SupervisorInput.ResourceExceeded exceeded when state.HasProcess && state.Stopping is null && exceeded.Pid == state.Service.Pid:
                OnResourceExceeded(d, exceeded.Breach);
                break;
            case SupervisorInput.Adopt adopt:
                OnAdopt(d, adopt);
                break;
            case SupervisorInput.Restore restore:
                OnRestore(d, restore);
                break;
            case SupervisorInput.Diagnosed diagnosed:
                OnDiagnosed(d, diagnosed.Verdict);
                break;
        }

        return d.Build();
    }
}
