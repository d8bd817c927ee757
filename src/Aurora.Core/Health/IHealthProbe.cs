namespace Aurora.Core.Health;

/// One kind of check (http, tcp, exec). Implementations honour ct as the check's timeout and never throw
/// for a failed check: failures are results.
public interface IHealthProbe
{
    Task<HealthResult> CheckAsync(CancellationToken ct);
}
