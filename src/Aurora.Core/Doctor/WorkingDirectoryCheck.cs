using Aurora.Core.Config;

namespace Aurora.Core.Doctor;

/// The service's working directory exists: blocking if not (nothing can start in it).
internal sealed class WorkingDirectoryCheck : IDoctorCheck
{
    public string Id => DoctorChecks.Cwd;

    public bool Cheap => true;

    public IEnumerable<DoctorFinding> Run(AuroraConfig config, IReadOnlyList<ServiceConfig> services, DoctorContext context) =>
        services.Select(s => Directory.Exists(s.WorkingDirectory)
            ? DoctorFinding.Ok(s.Name, Id, $"{DoctorText.Relative(config, s.WorkingDirectory)} exists")
            : DoctorFinding.Blocking(s.Name, Id, $"{DoctorText.Relative(config, s.WorkingDirectory)} does not exist",
                $"create it (mkdir -p {s.WorkingDirectory}) or fix services.{s.Name}.cwd"));
}
