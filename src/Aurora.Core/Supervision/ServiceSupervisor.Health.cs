using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Health;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

public sealed partial class ServiceSupervisor
{
    private void OnHealthChanged(SupervisorCommand.HealthChanged changed)
    {
        if (_healthWatch is null || _process is null)
        {
            return;
        }

        var (result, status) = (changed.Result, changed.Status);
        var now = _ctx.Time.GetUtcNow();

        var degraded = _snapshot.State == ServiceState.Degraded;
        if (status == HealthStatus.Healthy)
        {
            _everHealthy = true;
            var state = degraded ? ServiceState.Degraded : ServiceState.Healthy;
            var startup = (long)(now - _process.StartedAt).TotalMilliseconds;
            Publish(_snapshot with { State = state, Health = status, HealthDetail = result.Detail }, EventTypes.ServiceHealthy,
                new EventData().Add("pid", _process.Pid).Add("detail", result.Detail).Add("since_start_ms", startup));
            return;
        }

        if (status != HealthStatus.Unhealthy)
        {
            return;
        }

        // Never healthy yet and no start_period: a slow start, not a hang (the tracker only reports
        // Unhealthy after start_period, so with one set this is a real failure to come up). Without
        // this, a server probed before it binds would be killed over and over at start.
        if (!_everHealthy && _config.Health!.StartPeriod <= TimeSpan.Zero)
        {
            Publish(_snapshot with { HealthDetail = result.Detail }, null);
            return;
        }

        Publish(_snapshot with { State = degraded ? ServiceState.Degraded : ServiceState.Unhealthy, Health = status, HealthDetail = result.Detail },
            EventTypes.ServiceUnhealthy, new EventData().Add("pid", _process.Pid).Add("detail", result.Detail)
                .Add("failures", changed.Failures).Add("timed_out", result.TimedOut));

        // A dependency being down explains it: that is degradation, not a hang.
        if (degraded || !EvaluateGate(_ctx.States.All).Satisfied || _config.Restart.Policy == RestartPolicyKind.Never)
        {
            return;
        }

        // Liveness: the process lives but does not answer. SIGKILL, since a stopped process ignores TERM;
        // the exit then goes through the normal restart policy.
        _killCause = Causes.Hang;
        _output.WriteNote($"[aurora] unhealthy {changed.Failures} times ({result.Detail}) while pid {_process.Pid} lives: killing it as hung");
        Publish(_snapshot with { LastCause = Causes.Hang }, null);
        _process.Signal(Signals.SIGKILL);
    }
}
