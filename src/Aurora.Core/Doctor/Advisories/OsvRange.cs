using System.Collections.Immutable;

namespace Aurora.Core.Doctor.Advisories;

/// `ranges[]` of type SEMVER or ECOSYSTEM (GIT ranges name commits, not versions, and are not kept).
public sealed record OsvRange(string Type, ImmutableArray<OsvEvent> Events);
