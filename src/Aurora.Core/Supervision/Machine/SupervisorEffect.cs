using System.Collections.Immutable;
using Aurora.Core.Diagnosis;

namespace Aurora.Core.Supervision;

/// What a decision asks the supervisor's loop to do, in order. Spawn and StopProcess answer with an input
/// of their own (Spawned or SpawnFailed, StopCompleted), decided before the next message of the inbox.
public abstract partial record SupervisorEffect
{
    /// Publish the snapshot (the loop stamps its version) with the event that changed it.
    public sealed record Publish(ServiceSnapshot Snapshot, string Type, EventFields Data) : SupervisorEffect;

    /// A line of Aurora's own in the service's log ("[aurora] started pid 4242: …").
    public sealed record Note(string Text) : SupervisorEffect;

    /// Spawn the configured command as process Generation and watch for its exit.
    public sealed record Spawn(int Generation) : SupervisorEffect;

    /// Send a signal to the process group (the hang kill).
    public sealed record Signal(int Number) : SupervisorEffect;

    /// The signal, the grace period, then SIGKILL to the whole group; answered by StopCompleted.
    public sealed record StopProcess(int Number, TimeSpan Grace) : SupervisorEffect;

    /// Run the service's health check for process Generation; only changes of status come back.
    public sealed record WatchHealth(int Generation) : SupervisorEffect;

    public sealed record UnwatchHealth : SupervisorEffect;

    /// Stop watching the process's readiness (its ready.log matcher and ready.notify socket are set up at the spawn,
    /// before it can print or send anything).
    public sealed record UnwatchReadiness : SupervisorEffect;

    /// DeadlinePassed(Generation, Kind, Token) after Delay, replacing any deadline of that kind.
    public sealed record ArmDeadline(Deadline Kind, TimeSpan Delay, int Generation, int Token) : SupervisorEffect;

    /// BackoffElapsed(Generation) after Delay.
    public sealed record ArmBackoff(TimeSpan Delay, int Generation) : SupervisorEffect;

    public sealed record CancelBackoff : SupervisorEffect;

    /// ScheduleDue(Token) at At, replacing the schedule timer armed before.
    public sealed record ArmSchedule(DateTimeOffset At, int Token) : SupervisorEffect;

    public sealed record CancelSchedule : SupervisorEffect;

    /// Try to connect to HOST:PORT until it answers (AddressAnswered(Generation)).
    public sealed record ProbeAddress(string Address, int Generation) : SupervisorEffect;

    public sealed record CancelProbe : SupervisorEffect;

    /// Classify the failure off the loop, once the process's last output has arrived (or a short wait); the
    /// verdict comes back as Diagnosed. RecentLines are filled in by the loop.
    public sealed record Diagnose(FailureContext Failure, bool WaitForOutput) : SupervisorEffect;
}

/// The fields of an event's `data`, in order: a plain value, so decisions can be compared in tests.
public readonly record struct EventFields(ImmutableArray<KeyValuePair<string, object?>> Items)
{
    public static EventFields Empty => new([]);

    public static EventFields Of(params ReadOnlySpan<(string Name, object? Value)> fields)
    {
        var builder = ImmutableArray.CreateBuilder<KeyValuePair<string, object?>>(fields.Length);
        foreach (var (name, value) in fields)
        {
            builder.Add(new(name, value));
        }

        return new(builder.MoveToImmutable());
    }

    public bool IsDefaultOrEmpty => Items.IsDefaultOrEmpty;

    public object? this[string name] => Items.IsDefault ? null : Items.FirstOrDefault(kv => kv.Key == name).Value;
}
