namespace Aurora.Porting.Import;

/// A health check as aurora.yaml has it: exactly one of Http (a URL), Tcp (host:port) or Exec (argv).
public sealed record ImportedHealth
{
    public string? Http { get; init; }

    public string? Tcp { get; init; }

    public IReadOnlyList<string>? Exec { get; init; }

    public TimeSpan? Interval { get; init; }

    public TimeSpan? Timeout { get; init; }

    public int? Retries { get; init; }

    public TimeSpan? StartPeriod { get; init; }
}
