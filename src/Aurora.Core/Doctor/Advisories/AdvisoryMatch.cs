namespace Aurora.Core.Doctor.Advisories;

/// A locked package that an advisory covers: which advisory, how severe, and the first version that fixes it
/// (null when none is known).
public sealed record AdvisoryMatch(
    string Id,
    IReadOnlyList<string> Aliases,
    string Severity,
    double? Score,
    string Summary,
    string Ecosystem,
    string Package,
    string Version,
    string? Fixed,
    string Lockfile);
