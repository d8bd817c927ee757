using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Health;

namespace Aurora.Core.Supervision;

public sealed partial class ServiceSupervisor
{
    /// Graceful degradation: a dependency stopped being what this service needs, or came back.
    private async Task OnDependenciesChangedAsync(ServiceSnapshot changed)
    {
        if (!_wanted)
        {
            return;
        }

        // A change older than what this service has already looked at is stale (it was queued while the
        // live state moved on): acting on it would stop a healthy dependent for a moment long past.
        if (_seenVersions.TryGetValue(changed.Name, out var seen) && changed.Version <= seen)
        {
            return;
        }

        var gate = EvaluateGate(_ctx.States.All.SetItem(changed.Name, changed));
        if (_process is null)
        {
            if (gate.Satisfied && _snapshot.State is ServiceState.Pending or ServiceState.Degraded)
            {
                Launch(isRestart: false);
            }
            else if (!gate.Satisfied && _snapshot.State is ServiceState.Pending or ServiceState.Degraded or ServiceState.Backoff)
            {
                Hold(_snapshot.State == ServiceState.Pending ? ServiceState.Pending : ServiceState.Degraded, gate.Reason,
                    _snapshot.State == ServiceState.Pending ? _snapshot.LastCause : Causes.DependencyUnavailable);
            }

            return;
        }

        if (!gate.Satisfied)
        {
            if (_snapshot.State == ServiceState.Degraded && _snapshot.Reason == gate.Reason)
            {
                return;
            }

            switch (_config.OnDependencyFailure)
            {
                case DependencyFailureAction.Stop:
                    await StopProcessAsync(ServiceState.Degraded, gate.Reason, keepWanted: true, Causes.DependencyUnavailable);
                    break;
                default:
                    _restartOnRecovery = _config.OnDependencyFailure == DependencyFailureAction.Restart;
                    Publish(_snapshot with { State = ServiceState.Degraded, Reason = gate.Reason, LastCause = Causes.DependencyUnavailable },
                        EventTypes.ServiceDegraded, new EventData().Add("reason", gate.Reason)
                            .Add("action", _restartOnRecovery ? "restart" : "keep"));
                    break;
            }

            return;
        }

        if (_snapshot.State != ServiceState.Degraded)
        {
            return;
        }

        if (_restartOnRecovery)
        {
            _restartOnRecovery = false;
            await StopProcessAsync(ServiceState.Pending, reason: null, keepWanted: true);
            Launch(isRestart: false);
            return;
        }

        Publish(_snapshot with { State = StateFromHealth(), Reason = null }, EventTypes.ServiceStarted,
            new EventData().Add("pid", _snapshot.Pid).Add("recovered", true));
    }

    /// Evaluates the gate and remembers which version of each dependency it saw.
    private DependencyGate EvaluateGate(ImmutableDictionary<string, ServiceSnapshot> states)
    {
        foreach (var dep in _config.DependsOn)
        {
            if (states.TryGetValue(dep.Service, out var s))
            {
                _seenVersions[dep.Service] = s.Version;
            }
        }

        return DependencyGate.Evaluate(_config, states);
    }

    private ServiceState StateFromHealth() => _config.Health is null
        ? ServiceState.Running
        : _snapshot.Health switch
        {
            HealthStatus.Healthy => ServiceState.Healthy,
            HealthStatus.Unhealthy => ServiceState.Unhealthy,
            _ => ServiceState.Starting,
        };
}
