using Aurora.Core.Config;

namespace Aurora.Core.Doctor.Install;

/// The install state is current: node_modules, a Python virtualenv and a .NET restore each match what their
/// lockfile or project file asks for. Drift warns, with the install command that would fix it.
internal sealed class InstallStateCheck : IDoctorCheck
{
    public string Id => DoctorChecks.Install;

    public bool Cheap => false;

    public IEnumerable<DoctorFinding> Run(AuroraConfig config, IReadOnlyList<ServiceConfig> services, DoctorContext context) =>
        services.Where(s => Directory.Exists(s.WorkingDirectory)).SelectMany(s =>
            NodeInstallState.Check(config, s)
                .Concat(PythonInstallState.Check(config, s, context))
                .Concat(DotnetInstallState.Check(config, s)));
}
