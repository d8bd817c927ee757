using Aurora.Core.Config;
using Aurora.Core.Health;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// Messages to a ServiceSupervisor's loop. Only the loop touches supervisor state.
internal abstract record SupervisorCommand
{
    internal sealed record Start(TaskCompletionSource Done, bool Manual) : SupervisorCommand;

    internal sealed record Stop(TaskCompletionSource Done) : SupervisorCommand;

    internal sealed record Restart(TaskCompletionSource Done) : SupervisorCommand;

    internal sealed record Reconfigure(ServiceConfig Config, TaskCompletionSource Done) : SupervisorCommand;

    internal sealed record ProcessExited(int Generation, ExitStatus Status) : SupervisorCommand;

    internal sealed record BackoffElapsed(int Generation) : SupervisorCommand;

    /// A check whose result changed the health status (steady results never reach the loop).
    internal sealed record HealthChanged(int Generation, HealthResult Result, HealthStatus Status, int Failures) : SupervisorCommand;

    internal sealed record DependenciesChanged(ServiceSnapshot Changed) : SupervisorCommand;

    internal sealed record Diagnosed(Diagnosis.Diagnosis Verdict) : SupervisorCommand;
}
