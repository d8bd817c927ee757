using Aurora.Core.Config;
using Aurora.Core.Diagnosis;

namespace Aurora.Core.Healing;

/// What a fix works with: the failing service, the verdict, and the project it may not step outside of.
/// ServicePid is the service's current process when the fix was chosen (null when none runs); IncidentId the
/// incident it works on; Source who asked for it (SPEC §5 data.source: "healer", or "cli", "api", …); Quarantined
/// whether the service had reached its restart limit (state `failed`) when the fix was chosen.
public sealed record FixContext(ServiceConfig Service, Diagnosis.Diagnosis Verdict, string ProjectDirectory, string ProjectId, int? ServicePid = null,
    string? IncidentId = null, string Source = FixContext.Healer, bool Quarantined = false)
{
    /// The Source of what the healer does by itself, after a failure.
    public const string Healer = "healer";

    /// A quarantine is lifted by a person (`aurora start`, `aurora heal`), never by the healer on its own for a
    /// fix that changes nothing: that would be the blind retry the restart limit is there to stop.
    public bool QuarantinedForHealer => Quarantined && Source == Healer;
}
