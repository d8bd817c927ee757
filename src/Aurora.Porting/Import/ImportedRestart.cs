namespace Aurora.Porting.Import;

/// `restart:` as aurora.yaml has it; a null member is left to Aurora's default.
public sealed record ImportedRestart
{
    /// always | on-failure | never
    public string? Policy { get; init; }

    public TimeSpan? BackoffInitial { get; init; }

    public TimeSpan? BackoffMax { get; init; }

    public double? BackoffMultiplier { get; init; }

    public int? LimitCount { get; init; }

    public TimeSpan? LimitWithin { get; init; }

    public bool IsEmpty => Policy is null && BackoffInitial is null && BackoffMax is null && BackoffMultiplier is null &&
        LimitCount is null && LimitWithin is null;
}
