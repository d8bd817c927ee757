using Aurora.Contracts.V1;
using Aurora.Core.Config;
using Aurora.Core.Doctor;
using Aurora.Daemon.Hosting;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Api;

/// `GET /api/v1/doctor`: the doctor's findings for the config in force, with the environment the daemon gives its
/// services. Also the one place that builds a host doctor and maps its report to the wire shape (the CLI uses both).
public static class DoctorRoutes
{
    internal static void Map(Router router, AuroraRuntime rt) =>
        router.Get(ApiRoutes.Prefix + "/doctor", async x =>
        {
            var config = rt.Config;
            var report = await Task.Run(() => ForProject(config).Run(config), x.Aborted);
            await x.JsonAsync(ToDto(report), AuroraJsonContext.Default.DoctorDto);
        });

    /// A doctor for this host: the environment services inherit, this project's process tag, /proc.
    public static Doctor ForProject(AuroraConfig config) =>
        new(DoctorContext.ForHost(DaemonEnvironment.ForServices(), AuroraRuntime.ProjectId(config.ProjectDirectory)));

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
