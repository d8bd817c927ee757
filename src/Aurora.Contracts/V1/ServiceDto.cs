namespace Aurora.Contracts.V1;

/// One row of `aurora status` (SPEC §4). More fields may be added; none renamed.
public sealed record ServiceDto(
    string Name,
    string State,
    int? Pid,
    long? UptimeMs,
    int Restarts,
    string Health,
    double? CpuPercent,
    long? MemoryBytes,
    string? LastCause,
    /// <summary>Why the service is pending or degraded, e.g. "waiting for db: healthy".</summary>
    string? Reason,
    string? HealthDetail,
    ExitDto? LastExit,
    DateTimeOffset? NextRestartAt);

/// <summary>How the last process of a service ended.</summary>
public sealed record ExitDto(int? Code, string? Signal);

/// <summary>`GET /api/v1/services` and `aurora status --json`.</summary>
public sealed record ServiceListDto(IReadOnlyList<ServiceDto> Services);

/// <summary>`GET /api/v1/services/{name}`: the row plus the service's configuration, secrets redacted.</summary>
public sealed record ServiceDetailDto(
    ServiceDto Service,
    IReadOnlyList<string> Command,
    string Cwd,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyList<int> Ports,
    IReadOnlyList<string> DependsOn,
    string RestartPolicy,
    string LogFile);
