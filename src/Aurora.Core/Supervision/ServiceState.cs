namespace Aurora.Core.Supervision;

/// SPEC §4 service states. Wire form is the lower-case name.
public enum ServiceState
{
    Pending,
    Starting,
    Running,
    Healthy,
    Unhealthy,
    Backoff,
    Stopping,
    Stopped,
    Exited,
    Failed,
    Degraded,
}

public static class ServiceStateNames
{
    private static readonly string[] Names =
        Enum.GetValues<ServiceState>().Select(s => s.ToString().ToLowerInvariant()).ToArray();

    public static string ToWire(this ServiceState state) => Names[(int)state];

    /// The process is up (whatever its health), so `depends_on: started` holds.
    public static bool IsUp(this ServiceState state) =>
        state is ServiceState.Starting or ServiceState.Running or ServiceState.Healthy or ServiceState.Unhealthy;
}
