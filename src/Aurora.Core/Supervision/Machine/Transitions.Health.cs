using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Health;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// A change of health status while the process runs; an unhealthy process that lives is a hang.
public static partial class Transitions
{
    private static void OnHealthChanged(DecisionBuilder d, SupervisorInput.HealthChanged changed)
    {
        var (result, status) = (changed.Result, changed.Status);
        var degraded = d.Service.State == ServiceState.Degraded;
        if (status == HealthStatus.Healthy)
        {
            d.State = d.State with { EverHealthy = true, EpisodeCause = null, WaitingFor = null };
            var startup = (long)(d.Now - (d.Service.StartedAt ?? d.Now)).TotalMilliseconds;
            d.Publish(d.Service with { State = degraded ? ServiceState.Degraded : ServiceState.Healthy, Health = status, HealthDetail = result.Detail },
                EventTypes.ServiceHealthy, EventFields.Of(("pid", d.Service.Pid), ("detail", result.Detail), ("since_start_ms", startup)));
            return;
        }

        if (status != HealthStatus.Unhealthy)
        {
            return;
        }

        // Never healthy yet and no start_period: a slow start, not a hang (the tracker only reports
        // Unhealthy after start_period, so with one set this is a real failure to come up). Without
        // this, a server probed before it binds would be killed over and over at start.
        if (!d.State.EverHealthy && d.Config.Health!.StartPeriod <= TimeSpan.Zero)
        {
            d.Publish(d.Service with { HealthDetail = result.Detail }, EventTypes.ServiceUpdated, EventFields.Of(("detail", result.Detail)));
            return;
        }

        // A dependency being down explains it: that is degradation, not a hang.
        var unhealthy = d.Service with { State = degraded ? ServiceState.Degraded : ServiceState.Unhealthy, Health = status, HealthDetail = result.Detail };
        var data = EventFields.Of(("pid", d.Service.Pid), ("detail", result.Detail), ("failures", changed.Failures), ("timed_out", result.TimedOut));
        if (degraded || !Gate(d).Satisfied || d.Config.Restart.Policy == RestartPolicyKind.Never)
        {
            d.Publish(unhealthy, EventTypes.ServiceUnhealthy, data);
            return;
        }

        // Liveness: the process lives but does not answer. SIGKILL, since a stopped process ignores TERM;
        // the exit then goes through the normal restart policy.
        d.State = d.State with { KillCause = Causes.Hang };
        d.Note($"[aurora] unhealthy {changed.Failures} times ({result.Detail}) while pid {d.Service.Pid} lives: killing it as hung");
        d.Publish(unhealthy with { LastCause = Causes.Hang }, EventTypes.ServiceUnhealthy, new EventFields(data.Items.Add(new("action", "kill"))));
        d.Do(new SupervisorEffect.Signal(Signals.SIGKILL));
    }
}
