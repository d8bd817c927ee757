using System.Text;
using System.Text.RegularExpressions;

namespace Aurora.Core.Config.Parsing;

/// Reads dotenv files: `KEY=VALUE` lines, `#` comments, blank lines, an optional `export ` prefix,
/// 'single-quoted' (literal) or "double-quoted" (\n \t \" \\ escapes) values; an unquoted value
/// ends at ` #`. Later lines win over earlier ones.
internal static partial class EnvFileParser
{
    public sealed record Problem(int Line, int Column, string Message);

    public sealed record Result(IReadOnlyList<KeyValuePair<string, string>> Entries, IReadOnlyList<Problem> Problems);

    public static Result Parse(string text)
    {
        var entries = new List<KeyValuePair<string, string>>();
        var problems = new List<Problem>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            var body = line.TrimStart();
            var indent = line.Length - body.Length;
            if (body.Length == 0 || body.StartsWith('#'))
            {
                continue;
            }

            if (body.StartsWith("export ", StringComparison.Ordinal))
            {
                var rest = body[7..].TrimStart();
                indent += body.Length - rest.Length;
                body = rest;
            }

            var eq = body.IndexOf('=');
            var key = eq < 0 ? body.Trim() : body[..eq].Trim();
            if (eq < 0 || !KeyPattern().IsMatch(key))
            {
                // Never echo the line itself: it may hold a secret.
                problems.Add(new Problem(n + 1, indent + 1, eq < 0
                    ? "line is not KEY=VALUE; use NAME=value, and # for comments"
                    : $"\"{Shorten(key)}\" is not a variable name; use letters, digits and _, not starting with a digit"));
                continue;
            }

            var value = ReadValue(body[(eq + 1)..], out var error);
            if (error is not null)
            {
                problems.Add(new Problem(n + 1, indent + eq + 2, $"{key}: {error}"));
                continue;
            }

            entries.Add(new KeyValuePair<string, string>(key, value));
        }

        return new Result(entries, problems);
    }

    private static string ReadValue(string raw, out string? error)
    {
        error = null;
        var value = raw.Trim();
        if (value.Length > 0 && (value[0] == '"' || value[0] == '\''))
        {
            var quote = value[0];
            var close = ClosingQuote(value, quote);

            if (close < 0)
            {
                error = $"value has an unterminated {quote} quote";
                return "";
            }

            var inner = value[1..close];
            return quote == '\'' ? inner : Unescape(inner);
        }

        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        return comment < 0 ? value : value[..comment].TrimEnd();
    }

    private static int ClosingQuote(string value, char quote)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] == '\\' && quote == '"')
            {
                i++;
            }
            else if (value[i] == quote)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i++;
                sb.Append(s[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => s[i] });
                continue;
            }

            sb.Append(s[i]);
        }

        return sb.ToString();
    }

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.]*$")]
    private static partial Regex KeyPattern();
}
