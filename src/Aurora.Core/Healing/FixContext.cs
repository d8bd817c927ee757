using Aurora.Core.Config;
using Aurora.Core.Diagnosis;

namespace Aurora.Core.Healing;

/// What a fix works with: the failing service, the verdict, and the project it may not step outside of.
/// ServicePid is the service's current process when the fix was chosen (null when none runs); IncidentId the
/// incident it works on; Source who asked for it (SPEC §5 data.source: "healer", or "cli", "api", …).
public sealed record FixContext(ServiceConfig Service, Diagnosis.Diagnosis Verdict, string ProjectDirectory, string ProjectId, int? ServicePid = null,
    string? IncidentId = null, string Source = "healer");
