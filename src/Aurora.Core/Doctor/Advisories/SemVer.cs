using System.Globalization;

namespace Aurora.Core.Doctor.Advisories;

/// npm versions: semver 2.0 precedence (MAJOR.MINOR.PATCH, then pre-release identifiers, build metadata ignored).
/// Lenient like npm's loose mode: a leading `v` or `=`, and missing minor/patch ("0" in OSV's `introduced`).
public sealed class SemVer : IVersionScheme
{
    public static readonly SemVer Instance = new();

    public int? Compare(string a, string b) =>
        Parse(a) is { } x && Parse(b) is { } y ? Compare(x, y) : null;

    private static (long[] Core, string[] Pre)? Parse(string text)
    {
        var s = text.Trim().TrimStart('v', '=');
        var plus = s.IndexOf('+');
        if (plus >= 0)
        {
            s = s[..plus];
        }

        var dash = s.IndexOf('-');
        var pre = dash < 0 ? [] : s[(dash + 1)..].Split('.');
        var parts = (dash < 0 ? s : s[..dash]).Split('.');
        if (parts.Length is 0 or > 3)
        {
            return null;
        }

        var core = new long[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out core[i]))
            {
                return null;
            }
        }

        return (core, pre);
    }

    private static int Compare((long[] Core, string[] Pre) x, (long[] Core, string[] Pre) y)
    {
        for (var i = 0; i < 3; i++)
        {
            if (x.Core[i] != y.Core[i])
            {
                return x.Core[i].CompareTo(y.Core[i]);
            }
        }

        // A pre-release sorts before its release.
        if (x.Pre.Length == 0 || y.Pre.Length == 0)
        {
            return y.Pre.Length.CompareTo(x.Pre.Length);
        }

        for (var i = 0; i < Math.Min(x.Pre.Length, y.Pre.Length); i++)
        {
            var c = Identifier(x.Pre[i], y.Pre[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Pre.Length.CompareTo(y.Pre.Length);
    }

    /// Numeric identifiers compare as numbers and sort before alphanumeric ones, which compare as ASCII.
    private static int Identifier(string a, string b)
    {
        var an = long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var x);
        var bn = long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var y);
        return an && bn ? x.CompareTo(y) : an ? -1 : bn ? 1 : string.CompareOrdinal(a, b);
    }
}
