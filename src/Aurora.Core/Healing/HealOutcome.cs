using System.Collections.Immutable;

namespace Aurora.Core.Healing;

/// What a heal did: the cause it worked on and each fix it tried with its outcome (verified, rolled_back,
/// skipped), in order.
public sealed record HealOutcome(string Service, string Cause, string Summary, string? IncidentId, ImmutableArray<(string Fix, string Outcome, string Detail)> Fixes)
{
    public bool Healed => Fixes.Any(f => f.Outcome == "verified");
}
