namespace Aurora.Contracts.V1;

/// <summary>`GET /api/v1/doctor` and `aurora doctor --json`: every finding, project-wide ones first, then by service.
/// Ok is false when any finding is blocking (the CLI then exits 1).</summary>
public sealed record DoctorDto(bool Ok, int Blocking, int Warnings, IReadOnlyList<DoctorFindingDto> Findings);

/// <summary>One check's result. Service is null for a project-wide finding; check is command, cwd, env_file,
/// variables, ports, install or vulnerabilities; severity is ok, warning or blocking; fix says what resolves it.</summary>
public sealed record DoctorFindingDto(
    string? Service,
    string Check,
    string Severity,
    string Message,
    string? Fix,
    /// <summary>Set on a vulnerabilities finding: the advisory that matched.</summary>
    DoctorAdvisoryDto? Advisory);

/// <summary>An OSV advisory matched against a locked package: its id and aliases, severity (low, moderate, high,
/// critical or unknown) and CVSS v3 base score when known, and the first fixed version (null when none is known).</summary>
public sealed record DoctorAdvisoryDto(
    string Id,
    IReadOnlyList<string> Aliases,
    string Severity,
    double? Score,
    string Summary,
    string Ecosystem,
    string Package,
    string Version,
    string? Fixed,
    string Lockfile);
