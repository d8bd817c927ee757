using Aurora.Core.Config;
using Aurora.Core.Health;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// Everything that can happen to a supervised service. Transitions.Decide handles each family in a file of
/// its own: commands, process, health, dependencies, timers, reconfigure, diagnosis.
public abstract partial record SupervisorInput
{
    // Commands (Transitions.Commands.cs).

    /// Wants the service running. Manual: a person asked, which also lifts a quarantine and the backoff.
    public sealed record Start(bool Manual) : SupervisorInput;

    public sealed record Stop : SupervisorInput;

    public sealed record Restart : SupervisorInput;

    // The process (Transitions.Process.cs). Spawned, SpawnFailed and StopCompleted answer the loop's own
    // Spawn and StopProcess effects; Exited comes from the reaper.

    public sealed record Spawned(int Pid, long StartTicks, DateTimeOffset StartedAt) : SupervisorInput;

    public sealed record SpawnFailed(int ExitCode, string Message) : SupervisorInput;

    /// Uptime: how long the process ran, on the monotonic clock, when the loop knows it (it spawned the process); else
    /// the wall clock's StartedAt to now, which a clock set back can make negative (clamped at zero).
    public sealed record Exited(int Generation, ExitStatus Status, TimeSpan? Uptime = null) : SupervisorInput;

    public sealed record StopCompleted(ExitStatus Status, TimeSpan? Uptime = null) : SupervisorInput;

    // Health (Transitions.Health.cs): a check whose result changed the status (steady results never come in).

    public sealed record HealthChanged(int Generation, HealthResult Result, HealthStatus Status, int Failures) : SupervisorInput;

    // Dependencies (Transitions.Dependencies.cs): a dependency's snapshot, in the order it changed.

    public sealed record DependencyChanged(ServiceSnapshot Dependency) : SupervisorInput;

    /// The address the service was waiting for (dependency_unavailable) answers now.
    public sealed record AddressAnswered(int Generation, string Address) : SupervisorInput;

    // Readiness (Transitions.Readiness.cs): a line of output matched `ready.log`, or the service's own sd_notify
    // messages (READY=1, STATUS=…, WATCHDOG=1); a deadline (not ready in time, a watchdog ping missed).

    public sealed record Ready(int Generation) : SupervisorInput;

    public sealed record NotifyStatus(int Generation, string Text) : SupervisorInput;

    public sealed record WatchdogPing(int Generation) : SupervisorInput;

    public sealed record DeadlinePassed(int Generation, Deadline Kind, int Token) : SupervisorInput;

    // Timers (Transitions.Timers.cs).

    public sealed record BackoffElapsed(int Generation) : SupervisorInput;

    /// A scheduled run is due (Transitions.Schedule.cs).
    public sealed record ScheduleDue(int Token) : SupervisorInput;

    // Reconfigure (Transitions.Reconfigure.cs): a reload changed this service's config in place.

    public sealed record Reconfigure(ServiceConfig Config) : SupervisorInput;

    // Resources (Transitions.Resources.cs): a limit of `limits:` was exceeded by process Pid, as the kernel's cgroup
    // or the sampler saw it. Usage and Limit are bytes (memory), processes (pids) or % of one core (cpu).

    public sealed record ResourceExceeded(int Pid, Limits.LimitBreach Breach) : SupervisorInput;

    // Diagnosis (Transitions.Diagnosis.cs): the classifier's verdict on the last failure.

    public sealed record Diagnosed(Diagnosis.Diagnosis Verdict) : SupervisorInput;
}

/// What a readiness deadline guards: becoming ready within ready.timeout, a WATCHDOG=1 within ready.watchdog.
public enum Deadline
{
    Ready,
    Watchdog,
}
