using Aurora.Core.Health;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// The published, immutable state of one service. Version increases with every change.
/// Small and serialisable on purpose: a re-executed daemon re-adopts a service from Pid + StartTicks.
public sealed record ServiceSnapshot(
    string Name,
    ServiceState State,
    long Version,
    int? Pid = null,
    long StartTicks = 0,
    DateTimeOffset? StartedAt = null,
    int Restarts = 0,
    HealthStatus Health = HealthStatus.Unknown,
    string? HealthDetail = null,
    string? LastCause = null,
    string? Reason = null,
    ExitStatus? LastExit = null,
    DateTimeOffset? NextRestartAt = null)
{
    /// The last exit had a code listed in success_exit_codes.
    public bool LastExitOk { get; init; }

    /// The current process said it is ready (`ready:` log line or READY=1); false without readiness.
    public bool Ready { get; init; }

    /// The current process's own STATUS= text (`ready: { notify: true }`).
    public string? StatusText { get; init; }

    /// A scheduled service's next run (null for others, and while its schedule is stopped).
    public DateTimeOffset? NextRunAt { get; init; }

    /// For an instance NAME-i of a replicated service: NAME (status and clients group instances by it).
    public string? Group { get; init; }

    public static ServiceSnapshot Initial(string name) => new(name, ServiceState.Stopped, 0);

    /// True when `depends_on: <condition>` on this service is satisfied.
    public bool Satisfies(Config.DependencyCondition condition) => condition switch
    {
        // A process that actually runs: "starting" before the spawn (no pid yet) does not count.
        Config.DependencyCondition.Started => Pid is not null && (State.IsUp() || State == ServiceState.Degraded),
        Config.DependencyCondition.Healthy => Health == HealthStatus.Healthy && Pid is not null,
        Config.DependencyCondition.Completed => State == ServiceState.Exited && LastExitOk,
        Config.DependencyCondition.Exited => State == ServiceState.Exited,
        Config.DependencyCondition.Ready => Ready && Pid is not null,
        _ => false,
    };
}
