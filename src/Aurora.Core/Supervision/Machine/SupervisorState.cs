using System.Collections.Immutable;

namespace Aurora.Core.Supervision;

/// Everything the supervisor of one service decides from, as one immutable value. Transitions.Decide maps
/// (state, input) to the next state and the effects to carry out; nothing else changes it.
/// All of it but Dependencies (re-learned from the stream) is what a restarted daemon needs to take over.
public sealed record SupervisorState
{
    /// The published state of the service (its Version is stamped by the loop when published).
    public required ServiceSnapshot Service { get; init; }

    /// Someone wants it running (start, or the stack's start); a stop clears it.
    public bool Wanted { get; init; }

    /// Bumped at each spawn and each requested stop: inputs of an older process, timer or check are stale.
    public int Generation { get; init; }

    /// Consecutive restarts, for the backoff delay; reset by a long enough run or a manual start.
    public int Attempt { get; init; }

    /// The current process has been healthy once: only then is an unhealthy one a hang (or after start_period).
    public bool EverHealthy { get; init; }

    /// Why the supervisor itself killed the current process (hang), so its exit is read as that cause.
    public string? KillCause { get; init; }

    /// The tree's memory when it was killed over `limits.memory` (the diagnosis reads the kill near the limit).
    public long? MemoryAtKill { get; init; }

    /// The first specific cause found in the current failure episode (since the service was last healthy or
    /// ran long enough): kept as the service's last cause through quarantine, so `crash_loop` never hides it.
    public string? EpisodeCause { get; init; }

    /// `on_dependency_failure: restart` left the process running while a dependency was down.
    public bool RestartOnRecovery { get; init; }

    /// Times of the recent failed exits, for the restart limit (RestartWindow).
    public ImmutableArray<DateTimeOffset> Failures { get; init; } = [];

    /// An address the service could not reach (dependency_unavailable: "127.0.0.1:6379"): its failed exits then
    /// wait for the address to answer instead of counting toward the restart limit.
    public string? WaitingFor { get; init; }

    /// The latest snapshot seen of each dependency, in the order they changed.
    public ImmutableDictionary<string, ServiceSnapshot> Dependencies { get; init; } = ImmutableDictionary<string, ServiceSnapshot>.Empty;

    /// Counts the schedule timers armed: a ScheduleDue that is not the newest is stale.
    public int ScheduleToken { get; init; }

    /// `schedule.overlap: allow`: a run came due while the last one still ran; it starts when that one ends.
    public bool RunAgain { get; init; }

    /// Counts the watchdog deadlines armed for the current process: a deadline that is not the newest is stale.
    public int WatchdogToken { get; init; }

    /// A requested stop in progress: where the service goes when the process is gone.
    public StopPlan? Stopping { get; init; }

    public static SupervisorState Initial(string name) => new() { Service = ServiceSnapshot.Initial(name) };

    /// A process of this service runs (or is being stopped).
    public bool HasProcess => Service.Pid is not null;
}

/// Where a requested stop leaves the service, and what follows once the process is gone.
public sealed record StopPlan(ServiceState Final, string? Reason, string? Cause, AfterStop Then);

public enum AfterStop
{
    /// Stay in StopPlan.Final.
    Stay,

    /// A manual start (`aurora restart`).
    Start,

    /// Launch again at once (a dependency came back under `on_dependency_failure: restart`).
    Launch,
}
