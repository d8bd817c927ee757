using System.Collections.Immutable;

namespace Aurora.Core.Doctor;

/// Every finding of one doctor run, project-wide ones first, then by service in config order.
public sealed record DoctorReport(ImmutableArray<DoctorFinding> Findings)
{
    public bool HasBlocking => Findings.Any(f => f.Severity == DoctorSeverity.Blocking);

    public int Count(DoctorSeverity severity) => Findings.Count(f => f.Severity == severity);

    public IEnumerable<DoctorFinding> Problems => Findings.Where(f => f.Severity != DoctorSeverity.Ok);
}
