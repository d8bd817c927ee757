namespace Aurora.Core.Insights;

/// One process start of a service, as the events tell it: how long until its first healthy check and until
/// it was ready (null: never), whether it was killed as hung before it was ever healthy (by the health check,
/// or by `ready.timeout`), and how long it ran (null: it still runs, or the history ends first).
public sealed record StartRecord(string Service, DateTimeOffset At, long? Pid)
{
    public TimeSpan? HealthyAfter { get; init; }

    public TimeSpan? ReadyAfter { get; init; }

    /// Killed as hung before its first healthy check; KilledNotReady tells it was `ready.timeout` that did.
    public TimeSpan? KilledAfter { get; init; }

    public bool KilledNotReady { get; init; }

    public TimeSpan? Ran { get; init; }

    /// Whether this start's outcome is known: it came up, or it was killed or ended before that.
    public bool Decided => HealthyAfter is not null || KilledAfter is not null || Ran is not null;
}
