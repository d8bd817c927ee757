using Aurora.Core.Doctor.Advisories;

namespace Aurora.Core.Doctor;

/// One result of one check. Service is null for a finding about the project as a whole (an advisory directory
/// that is missing, a variable referenced outside `services:`). Fix says what would resolve it, when anything does.
public sealed record DoctorFinding(string? Service, string Check, DoctorSeverity Severity, string Message, string? Fix = null)
{
    /// Set on a `vulnerabilities` finding: the advisory that matched a locked package.
    public AdvisoryMatch? Advisory { get; init; }

    public static DoctorFinding Ok(string? service, string check, string message) => new(service, check, DoctorSeverity.Ok, message);

    public static DoctorFinding Warning(string? service, string check, string message, string? fix) =>
        new(service, check, DoctorSeverity.Warning, message, fix);

    public static DoctorFinding Blocking(string? service, string check, string message, string? fix) =>
        new(service, check, DoctorSeverity.Blocking, message, fix);
}
