using System.Collections.Immutable;

namespace Aurora.Core.Doctor.Advisories;

/// One OSV record (https://ossf.github.io/osv-schema/), as far as matching needs it. Severity is a rating word
/// (low, moderate, high, critical, or unknown) and Score the CVSS v3 base score when the record gives a vector.
public sealed record OsvAdvisory(
    string Id,
    ImmutableArray<string> Aliases,
    string Summary,
    string Severity,
    double? Score,
    ImmutableArray<OsvAffected> Affected);
