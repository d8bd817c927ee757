using Aurora.Core.Config;

namespace Aurora.Core.Health;

/// Turns probe results into a status for one process instance. Pure: no I/O, no clock of its own.
/// Rules (Docker's): Unknown until the first success; any success makes it Healthy; `Retries`
/// consecutive counted failures make it Unhealthy. Failures within `StartPeriod` of the process
/// start are not counted, unless the service has already succeeded once: a success ends the grace.
/// Not thread-safe; HealthScheduler never delivers two results of one service at once.
public sealed class HealthTracker(HealthCheckConfig cfg, DateTimeOffset processStartedAt)
{
    private readonly int _retries = Math.Max(1, cfg.Retries);
    private bool _started;

    public HealthStatus Status { get; private set; } = HealthStatus.Unknown;

    /// Counted failures since the last success (failures inside the start period are not counted).
    public int ConsecutiveFailures { get; private set; }

    public HealthResult? LastResult { get; private set; }

    /// Whether the last Observe changed Status: emit an event only when it did.
    public bool Changed { get; private set; }

    public HealthStatus Observe(HealthResult result, DateTimeOffset now)
    {
        var before = Status;
        LastResult = result;
        if (result.Healthy)
        {
            _started = true;
            ConsecutiveFailures = 0;
            Status = HealthStatus.Healthy;
        }
        else if (_started || now - processStartedAt >= cfg.StartPeriod)
        {
            ConsecutiveFailures++;
            if (ConsecutiveFailures >= _retries)
            {
                Status = HealthStatus.Unhealthy;
            }
        }

        Changed = Status != before;
        return Status;
    }
}
