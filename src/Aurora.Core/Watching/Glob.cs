using System.Text;
using System.Text.RegularExpressions;

namespace Aurora.Core.Watching;

/// A path glob relative to the project: `**` any number of directories, `*` any name part, `?` one character
/// ("src/**/*.py", "**/__pycache__/**", "config.yaml").
public sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        Pattern = pattern.Replace('\\', '/').TrimStart('.', '/');
        _regex = new Regex("^" + ToRegex(Pattern) + "$", RegexOptions.CultureInvariant);
    }

    public string Pattern { get; }

    /// The directory the glob's first wildcard sits under ("src/**/*.py" → "src"; "app.py" → "").
    public string Root
    {
        get
        {
            var segments = Pattern.Split('/');
            var fixedPart = segments.TakeWhile(s => s.IndexOfAny(['*', '?', '[']) < 0).ToList();
            if (fixedPart.Count == segments.Length)
            {
                fixedPart.RemoveAt(fixedPart.Count - 1); // a plain file: watch its directory
            }

            return string.Join('/', fixedPart);
        }
    }

    /// Whether it can match below its root's subdirectories (then the watch must be recursive).
    public bool Deep => Pattern[Root.Length..].TrimStart('/').Contains('/') || Pattern.Contains("**", StringComparison.Ordinal);

    public bool Matches(string relativePath) => _regex.IsMatch(relativePath.Replace('\\', '/'));

    private static string ToRegex(string pattern)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches zero or more directories; a trailing "**" anything below.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        return sb.ToString();
    }
}
