using Aurora.Core.Doctor.Install;

namespace Aurora.Core.Doctor.Advisories;

/// Whether a locked package version is affected by an advisory, per the OSV schema's evaluation: a version listed
/// in `versions`, or inside a range — from an `introduced` event up to (not including) the next `fixed` or
/// `limit`, or up to and including `last_affected`. npm versions compare as semver, PyPI versions as PEP 440;
/// PyPI names compare normalised (PEP 503).
public static class OsvMatcher
{
    public static IVersionScheme? SchemeOf(string ecosystem) => ecosystem switch
    {
        LockedPackage.Npm => SemVer.Instance,
        LockedPackage.PyPI => Pep440Version.Instance,
        _ => null,
    };

    public static string Key(string ecosystem, string name) =>
        ecosystem == LockedPackage.PyPI ? $"{ecosystem}:{PythonNames.Normalize(name)}" : $"{ecosystem}:{name}";

    public static AdvisoryMatch? Match(LockedPackage package, OsvAdvisory advisory)
    {
        if (SchemeOf(package.Ecosystem) is not { } scheme)
        {
            return null;
        }

        var key = Key(package.Ecosystem, package.Name);
        foreach (var affected in advisory.Affected.Where(a => Key(a.Ecosystem, a.Name) == key))
        {
            if (affected.Versions.Any(v => scheme.Compare(v, package.Version) == 0 || v == package.Version))
            {
                return ToMatch(package, advisory, affected.Ranges.Select(r => FixedAfter(r, package.Version, scheme)).FirstOrDefault(f => f is not null));
            }

            foreach (var range in affected.Ranges)
            {
                if (Affects(range, package.Version, scheme, out var fixedIn))
                {
                    return ToMatch(package, advisory, fixedIn);
                }
            }
        }

        return null;
    }

    /// Walks the range's events in version order ("0" first), opening an interval at `introduced` and closing it
    /// at `fixed`, `limit` or after `last_affected`; the version is affected when it falls inside one.
    public static bool Affects(OsvRange range, string version, IVersionScheme scheme, out string? fixedIn)
    {
        fixedIn = null;
        var events = range.Events.Where(e => e.Kind is "introduced" or "fixed" or "last_affected" or "limit").ToList();
        if (events.Any(e => e.Version != "0" && scheme.Compare(e.Version, e.Version) is null) || scheme.Compare(version, version) is null)
        {
            return false;
        }

        events.Sort((a, b) => Order(a, b, scheme));
        string? opened = null;
        foreach (var e in events)
        {
            if (e.Kind == "introduced")
            {
                opened ??= e.Version;
                continue;
            }

            if (opened is null)
            {
                continue;
            }

            var lower = opened == "0" || scheme.Compare(version, opened) >= 0;
            var upper = e.Kind == "last_affected" ? scheme.Compare(version, e.Version) <= 0 : scheme.Compare(version, e.Version) < 0;
            if (lower && upper)
            {
                fixedIn = e.Kind == "fixed" ? e.Version : null;
                return true;
            }

            opened = null;
        }

        // An introduced event with nothing after it: every later version is affected.
        return opened is not null && (opened == "0" || scheme.Compare(version, opened) >= 0);
    }

    private static string? FixedAfter(OsvRange range, string version, IVersionScheme scheme) =>
        range.Events.Where(e => e.Kind == "fixed" && scheme.Compare(e.Version, version) > 0)
            .Select(e => e.Version).Order(Comparer<string>.Create((a, b) => scheme.Compare(a, b) ?? 0)).FirstOrDefault();

    private static int Order(OsvEvent a, OsvEvent b, IVersionScheme scheme)
    {
        if (a.Version == "0" || b.Version == "0")
        {
            return (a.Version == "0" ? 0 : 1) - (b.Version == "0" ? 0 : 1);
        }

        return scheme.Compare(a.Version, b.Version) ?? 0;
    }

    private static AdvisoryMatch ToMatch(LockedPackage p, OsvAdvisory a, string? fixedIn) =>
        new(a.Id, a.Aliases, a.Severity, a.Score, a.Summary, p.Ecosystem, p.Name, p.Version, fixedIn, p.Lockfile);
}
