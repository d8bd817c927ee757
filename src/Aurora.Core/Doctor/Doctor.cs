using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Doctor.Advisories;
using Aurora.Core.Doctor.Install;
using Aurora.Core.Doctor.Ports;
using Aurora.Core.Doctor.Variables;

namespace Aurora.Core.Doctor;

/// `aurora doctor`: runs every check against a config before (or while) its services run. Findings are data; the
/// CLI, the API and `aurora up` decide how to show them. Blocking means the service cannot start as configured.
public sealed class Doctor(DoctorContext context)
{
    private static readonly ImmutableArray<IDoctorCheck> All =
    [
        new CommandCheck(), new WorkingDirectoryCheck(), new EnvFileCheck(), new VariablesCheck(), new PortsCheck(),
        new InstallStateCheck(), new VulnerabilityCheck(),
    ];

    /// Which checks can explain a diagnosed cause; a crash (crash_loop, unknown, config_error) may be explained
    /// by anything the service needs to start, known vulnerabilities aside.
    private static readonly ImmutableDictionary<string, ImmutableArray<string>> Explains = new Dictionary<string, ImmutableArray<string>>
    {
        [Causes.MissingDependency] = [DoctorChecks.Command, DoctorChecks.Install],
        [Causes.PortConflict] = [DoctorChecks.Ports],
        [Causes.PermissionDenied] = [DoctorChecks.Command, DoctorChecks.Cwd],
        [Causes.ConfigError] = [DoctorChecks.Variables, DoctorChecks.EnvFile, DoctorChecks.Command],
        [Causes.CrashLoop] = [DoctorChecks.Command, DoctorChecks.Cwd, DoctorChecks.Variables, DoctorChecks.EnvFile, DoctorChecks.Install],
        [Causes.Unknown] = [DoctorChecks.Command, DoctorChecks.Cwd, DoctorChecks.Variables, DoctorChecks.EnvFile, DoctorChecks.Install],
    }.ToImmutableDictionary();

    public DoctorContext Context { get; } = context;

    /// Every check for every service.
    public DoctorReport Run(AuroraConfig config) => Report(config, config.Services, All);

    /// What `aurora up` runs before it starts anything: commands, cwd, ports and variables (no lockfile reads).
    public DoctorReport CheapChecks(AuroraConfig config) => Report(config, config.Services, [.. All.Where(c => c.Cheap)]);

    /// The finding that explains a diagnosed failure of the service, if a check finds one now: the most severe
    /// problem among the checks that bear on the cause (null for causes no check explains, or when all is well).
    public DoctorFinding? Explain(AuroraConfig config, string service, string cause)
    {
        if (config.Find(service) is not { } target || !Explains.TryGetValue(cause, out var ids))
        {
            return null;
        }

        var problems = All.Where(c => ids.Contains(c.Id))
            .SelectMany(c => c.Run(config, [target], Context))
            .Where(f => f.Severity != DoctorSeverity.Ok && f.Service == service)
            .ToList();
        return problems.OrderByDescending(f => f.Severity).ThenBy(f => ids.IndexOf(f.Check)).FirstOrDefault();
    }

    private DoctorReport Report(AuroraConfig config, IReadOnlyList<ServiceConfig> services, IReadOnlyList<IDoctorCheck> checks)
    {
        var findings = checks.SelectMany(c => c.Run(config, services, Context)).ToList();
        var order = services.Select((s, i) => (s.Name, i)).ToDictionary(p => p.Name, p => p.i);
        var checkOrder = checks.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i);

        // Stable: within one service and check, findings keep the order the check produced them in.
        return new DoctorReport([.. findings.Select((f, i) => (f, i))
            .OrderBy(p => p.f.Service is null ? -1 : order.GetValueOrDefault(p.f.Service, int.MaxValue))
            .ThenBy(p => checkOrder.GetValueOrDefault(p.f.Check, int.MaxValue))
            .ThenBy(p => p.i)
            .Select(p => p.f)]);
    }
}
