using System.Collections.Immutable;

namespace Aurora.Core.Doctor.Advisories;

/// `affected[]`: a package of an ecosystem, its ranges and its explicitly listed versions.
public sealed record OsvAffected(string Ecosystem, string Name, ImmutableArray<OsvRange> Ranges, ImmutableArray<string> Versions);
