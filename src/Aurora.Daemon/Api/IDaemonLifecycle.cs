namespace Aurora.Daemon.Api;

/// What `/healthz` reads and `/shutdown` may do.
public interface IDaemonLifecycle
{
    string ProjectDirectory { get; }

    DateTimeOffset StartedAt { get; }

    TimeProvider Time { get; }

    /// Stops every service (reverse dependency order) and flushes the event store; the stop errors, if any.
    Task<IReadOnlyList<string>> StopServicesAsync(CancellationToken ct);

    int ServiceCount { get; }
}
