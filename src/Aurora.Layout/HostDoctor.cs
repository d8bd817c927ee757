using Aurora.Contracts.V1;
using Aurora.Core.Config;
using Aurora.Core.Doctor;

namespace Aurora.Layout;

/// The doctor as this host runs it (the environment services inherit, this project's process tag, /proc), and
/// its report on the wire: the same for `aurora doctor` (run locally, no daemon needed) and `GET /api/v1/doctor`.
public static class HostDoctor
{
    /// A doctor for this host: the environment services inherit, this project's process tag, /proc.
    public static Doctor For(AuroraConfig config) =>
        new(DoctorContext.ForHost(DaemonEnvironment.ForServices(), new DaemonPaths(config.ProjectDirectory).ProjectId));

    public static DoctorDto ToDto(DoctorReport report) => new(
        !report.HasBlocking,
        report.Count(DoctorSeverity.Blocking),
        report.Count(DoctorSeverity.Warning),
        [.. report.Findings.Select(f => new DoctorFindingDto(f.Service, f.Check, Severity(f.Severity), f.Message, f.Fix,
            f.Advisory is { } a
                ? new DoctorAdvisoryDto(a.Id, a.Aliases, a.Severity, a.Score, a.Summary, a.Ecosystem, a.Package, a.Version, a.Fixed, a.Lockfile)
                : null))]);

    public static string Severity(DoctorSeverity severity) => severity switch
    {
        DoctorSeverity.Blocking => "blocking",
        DoctorSeverity.Warning => "warning",
        _ => "ok",
    };
}
