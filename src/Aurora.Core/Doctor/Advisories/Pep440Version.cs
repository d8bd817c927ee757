using System.Globalization;
using System.Text.RegularExpressions;

namespace Aurora.Core.Doctor.Advisories;

/// PyPI versions, PEP 440: [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local], with the spellings PEP 440 normalises
/// (alpha, beta, c, pre, preview, rev, r, `-N` for post, `_` and `-` separators). Ordered as `packaging` does:
/// dev releases before pre-releases before the release before post-releases; trailing zeros do not count.
public sealed partial class Pep440Version : IVersionScheme
{
    public static readonly Pep440Version Instance = new();

    [GeneratedRegex(@"^v?(?:(?<epoch>\d+)!)?(?<release>\d+(?:\.\d+)*)(?:[-_.]?(?<pre_l>alpha|beta|preview|pre|a|b|c|rc)[-_.]?(?<pre_n>\d+)?)?(?:-(?<post_n1>\d+)|[-_.]?(?<post_l>post|rev|r)[-_.]?(?<post_n2>\d+)?)?(?:[-_.]?(?<dev_l>dev)[-_.]?(?<dev_n>\d+)?)?(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public int? Compare(string a, string b) => Key(a) is { } x && Key(b) is { } y ? Compare(x, y) : null;

    /// Equal as versions ("2.0" and "2.0.0"), else equal as text.
    public static bool SameVersion(string a, string b) => Instance.Compare(a, b) is { } c ? c == 0 : a == b;

    private static long[]? Key(string text)
    {
        var m = Pattern().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var release = m.Groups["release"].Value.Split('.').Select(n => long.Parse(n, CultureInfo.InvariantCulture)).ToList();
        while (release.Count > 1 && release[^1] == 0)
        {
            release.RemoveAt(release.Count - 1);
        }

        var hasPre = m.Groups["pre_l"].Success;
        var hasPost = m.Groups["post_n1"].Success || m.Groups["post_l"].Success;
        var hasDev = m.Groups["dev_l"].Success;

        // Pre-release: a dev release of the release itself sorts before its pre-releases.
        long preRank = hasPre ? PreRank(m.Groups["pre_l"].Value) : !hasPost && hasDev ? -1 : 3;
        var preNumber = Number(m.Groups["pre_n"]);
        var post = hasPost ? Number(m.Groups["post_n1"].Success ? m.Groups["post_n1"] : m.Groups["post_n2"]) : -1;
        var dev = hasDev ? Number(m.Groups["dev_n"]) : long.MaxValue;

        // epoch, release length, release…, pre rank, pre number, post, dev (release padded by Compare).
        return [Number(m.Groups["epoch"]), preRank, preNumber, post, dev, .. release];
    }

    private static int Compare(long[] x, long[] y)
    {
        if (x[0] != y[0])
        {
            return x[0].CompareTo(y[0]);
        }

        var length = Math.Max(x.Length, y.Length);
        for (var i = 5; i < length; i++)
        {
            var a = i < x.Length ? x[i] : 0;
            var b = i < y.Length ? y[i] : 0;
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }

        for (var i = 1; i < 5; i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }

        return 0;
    }

    private static long PreRank(string label) => label.ToLowerInvariant() switch
    {
        "a" or "alpha" => 0,
        "b" or "beta" => 1,
        _ => 2,
    };

    private static long Number(Group g) => g.Success && g.Value.Length > 0 ? long.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
}
