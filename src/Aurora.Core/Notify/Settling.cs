namespace Aurora.Core.Notify;

/// Where a service stands in bringing a stack up. All but Starting are settled: the service has reached its
/// start condition, or has failed, or cannot start by itself.
public enum Settling
{
    Starting,
    Up,
    Degraded,
    Unhealthy,
    Completed,
    Failed,
    HeldBack,
    Stopped,
}
