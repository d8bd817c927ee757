using System.Collections.Immutable;
using Aurora.Core.Processes;

namespace Aurora.Core.Diagnosis;

/// Everything known about one failure when it is diagnosed: how the process ended, what it said last,
/// what the supervisor saw (a hang kill, a reached restart limit, a dependency down) and the declared
/// resources. Exit is null for an unhealthy-but-alive episode. Pid is the process that ended (null when it
/// never started): a kernel OOM kill names it.
public sealed record FailureContext(
    string Service,
    ExitStatus? Exit,
    TimeSpan Uptime,
    ImmutableArray<string> RecentLines,
    ImmutableArray<int> DeclaredPorts,
    string? SpawnError = null,
    bool KilledAsHung = false,
    string? HealthDetail = null,
    bool RestartLimitReached = false,
    string? DependencyDown = null,
    long? MemoryLimitBytes = null,
    long? LastMemoryBytes = null,
    int? Pid = null);
