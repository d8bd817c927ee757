using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Health;

namespace Aurora.Core.Supervision;

/// Graceful degradation: a dependency stopped being what this service needs, or came back.
public static partial class Transitions
{
    private static void OnDependencyChanged(DecisionBuilder d, ServiceSnapshot dependency)
    {
        // A change older than one already seen is stale: acting on it would stop a healthy dependent for a
        // moment long past. Versions are unique across services and only grow.
        if (d.State.Dependencies.TryGetValue(dependency.Name, out var seen) && dependency.Version <= seen.Version)
        {
            return;
        }

        d.State = d.State with { Dependencies = d.State.Dependencies.SetItem(dependency.Name, dependency) };
        if (!d.State.Wanted || !d.Config.DependsOn.Any(x => x.Service == dependency.Name))
        {
            return;
        }

        var gate = Gate(d);
        var state = d.Service.State;
        if (!d.State.HasProcess)
        {
            if (gate.Satisfied && state is ServiceState.Pending or ServiceState.Degraded)
            {
                Launch(d, isRestart: false);
            }
            else if (!gate.Satisfied && state is ServiceState.Pending or ServiceState.Degraded or ServiceState.Backoff)
            {
                var pending = state == ServiceState.Pending;
                Hold(d, pending ? ServiceState.Pending : ServiceState.Degraded, gate.Reason, pending ? d.Service.LastCause : Causes.DependencyUnavailable);
            }

            return;
        }

        if (!gate.Satisfied)
        {
            if (state == ServiceState.Degraded && d.Service.Reason == gate.Reason)
            {
                return;
            }

            if (d.Config.OnDependencyFailure == DependencyFailureAction.Stop)
            {
                StopProcess(d, new StopPlan(ServiceState.Degraded, gate.Reason, Causes.DependencyUnavailable, AfterStop.Stay), keepWanted: true);
                return;
            }

            var restart = d.Config.OnDependencyFailure == DependencyFailureAction.Restart;
            d.State = d.State with { RestartOnRecovery = restart };
            d.Publish(d.Service with { State = ServiceState.Degraded, Reason = gate.Reason, LastCause = Causes.DependencyUnavailable },
                EventTypes.ServiceDegraded, EventFields.Of(("reason", gate.Reason), ("action", restart ? "restart" : "keep")));
            return;
        }

        if (state != ServiceState.Degraded)
        {
            return;
        }

        if (d.State.RestartOnRecovery)
        {
            d.State = d.State with { RestartOnRecovery = false };
            StopProcess(d, new StopPlan(ServiceState.Pending, null, null, AfterStop.Launch), keepWanted: true);
            return;
        }

        d.Publish(d.Service with { State = StateFromHealth(d), Reason = null }, EventTypes.ServiceStarted,
            EventFields.Of(("pid", d.Service.Pid), ("recovered", true)));
    }

    /// dependency_unavailable with an address: without a process, held degraded ("waiting for HOST:PORT") while the
    /// address is probed; with one (a restart already began), remembered for its next failed exit.
    private static void WaitForAddress(DecisionBuilder d, string address)
    {
        d.State = d.State with { WaitingFor = address };
        if (d.State.HasProcess || d.Service.State is not (ServiceState.Backoff or ServiceState.Failed))
        {
            return;
        }

        // The exit it explains was counted when it happened: it does not count toward the restart limit.
        if (!d.State.Failures.IsEmpty)
        {
            d.State = d.State with { Failures = d.State.Failures.RemoveAt(d.State.Failures.Length - 1) };
        }

        HoldForAddress(d, address);
    }

    /// No process: degraded, "waiting for HOST:PORT", while the address is probed.
    private static void HoldForAddress(DecisionBuilder d, string address)
    {
        CancelBackoff(d);
        var reason = $"waiting for {address}";
        d.Do(new SupervisorEffect.ProbeAddress(address, d.State.Generation));
        d.Publish(d.Service with { State = ServiceState.Degraded, Reason = reason, LastCause = Causes.DependencyUnavailable, NextRestartAt = null },
            EventTypes.ServiceDegraded, EventFields.Of(("reason", reason), ("action", "probe")));
    }

    private static void OnAddressAnswered(DecisionBuilder d, string address)
    {
        if (!d.State.Wanted || d.State.HasProcess || d.Service.State != ServiceState.Degraded || d.State.WaitingFor != address)
        {
            return;
        }

        d.State = d.State with { WaitingFor = null };
        d.Note($"[aurora] {address} answers: starting again");
        Launch(d, isRestart: true);
    }

    /// Leaves a wait for an address (a start or a stop by hand, a healthy service).
    private static void StopWaiting(DecisionBuilder d)
    {
        if (d.State.WaitingFor is not null)
        {
            d.State = d.State with { WaitingFor = null };
            d.Do(new SupervisorEffect.CancelProbe());
        }
    }

    /// Whether this service's `depends_on` conditions hold on the dependencies as last seen.
    private static DependencyGate Gate(DecisionBuilder d) => DependencyGate.Evaluate(d.Config, d.State.Dependencies);

    private static ServiceState StateFromHealth(DecisionBuilder d) => d.Config.Health is null
        ? ServiceState.Running
        : d.Service.Health switch
        {
            HealthStatus.Healthy => ServiceState.Healthy,
            HealthStatus.Unhealthy => ServiceState.Unhealthy,
            _ => ServiceState.Starting,
        };
}
