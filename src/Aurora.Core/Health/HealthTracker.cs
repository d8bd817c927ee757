using Aurora.Core.Config;

namespace Aurora.Core.Health;

// Interim version; replaced by the health branch.
public sealed class HealthTracker(HealthCheckConfig config, DateTimeOffset processStartedAt)
{
    public HealthStatus Status { get; private set; }

    public int ConsecutiveFailures { get; private set; }

    public HealthResult? LastResult { get; private set; }

    public bool Changed { get; private set; }

    public HealthStatus Observe(HealthResult result, DateTimeOffset now)
    {
        LastResult = result;
        var before = Status;
        if (result.Healthy)
        {
            ConsecutiveFailures = 0;
            Status = HealthStatus.Healthy;
        }
        else if (now - processStartedAt >= config.StartPeriod && ++ConsecutiveFailures >= config.Retries)
        {
            Status = HealthStatus.Unhealthy;
        }

        Changed = before != Status;
        return Status;
    }
}
