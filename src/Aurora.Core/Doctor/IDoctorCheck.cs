using Aurora.Core.Config;

namespace Aurora.Core.Doctor;

/// One kind of prerequisite. Cheap checks (no lockfile or advisory reads) also run before `aurora up`.
public interface IDoctorCheck
{
    string Id { get; }

    bool Cheap { get; }

    /// Findings for the given services of the config (all of them for a full run, one for Doctor.Explain).
    IEnumerable<DoctorFinding> Run(AuroraConfig config, IReadOnlyList<ServiceConfig> services, DoctorContext context);
}
