using System.Text;

namespace Aurora.Core.Doctor.Install;

/// The slice of TOML that poetry.lock, uv.lock and pyproject.toml need: `[table]` and `[[array.table]]` headers,
/// `key = value` lines whose value (a string, an array, an inline table) may span lines. Values stay raw text;
/// String, Strings and InlineTables read them. Not a general TOML parser.
internal static class TomlLite
{
    public sealed record Table(string Name, IReadOnlyDictionary<string, string> Values);

    public static IReadOnlyList<Table> Read(string text)
    {
        var tables = new List<Table>();
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        tables.Add(new Table("", current));
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[')
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                tables.Add(new Table(line.Trim('[', ']', ' '), current));
                continue;
            }

            var eq = line.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }

            var value = new StringBuilder(line[(eq + 1)..].Trim());
            while (Depth(value.ToString()) > 0 && i + 1 < lines.Length)
            {
                value.Append('\n').Append(lines[++i].Trim());
            }

            current[line[..eq].Trim().Trim('"')] = value.ToString();
        }

        return tables;
    }

    /// "x" or 'x' → x; anything else → null.
    public static string? String(string? raw)
    {
        var strings = raw is null ? [] : Strings(raw);
        return raw is not null && raw.Length > 0 && raw[0] is '"' or '\'' && strings.Count > 0 ? strings[0] : null;
    }

    /// Every string literal in the raw value, in order.
    public static IReadOnlyList<string> Strings(string raw)
    {
        var found = new List<string>();
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] is not ('"' or '\''))
            {
                continue;
            }

            var quote = raw[i];
            var sb = new StringBuilder();
            for (i++; i < raw.Length && raw[i] != quote; i++)
            {
                if (quote == '"' && raw[i] == '\\' && i + 1 < raw.Length)
                {
                    i++;
                }

                sb.Append(raw[i]);
            }

            found.Add(sb.ToString());
        }

        return found;
    }

    /// The `{ key = value, … }` items of an array of inline tables (or one inline table), as key → raw value.
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> InlineTables(string raw)
    {
        var tables = new List<IReadOnlyDictionary<string, string>>();
        var start = -1;
        var depth = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] is '"' or '\'')
            {
                i = StringEnd(raw, i);
                continue;
            }

            if (raw[i] == '{' && depth++ == 0)
            {
                start = i + 1;
            }
            else if (raw[i] == '}' && --depth == 0)
            {
                tables.Add(Pairs(raw[start..i]));
            }
        }

        return tables;
    }

    private static Dictionary<string, string> Pairs(string body)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = new List<string>();
        var depth = 0;
        var from = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] is '"' or '\'')
            {
                i = StringEnd(body, i);
            }
            else if (body[i] is '[' or '{')
            {
                depth++;
            }
            else if (body[i] is ']' or '}')
            {
                depth--;
            }
            else if (body[i] == ',' && depth == 0)
            {
                parts.Add(body[from..i]);
                from = i + 1;
            }
        }

        parts.Add(body[from..]);
        foreach (var part in parts)
        {
            var eq = part.IndexOf('=');
            if (eq > 0)
            {
                pairs[part[..eq].Trim()] = part[(eq + 1)..].Trim();
            }
        }

        return pairs;
    }

    /// Open brackets and braces outside strings: above zero, the value goes on on the next line.
    private static int Depth(string value)
    {
        var depth = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is '"' or '\'')
            {
                i = StringEnd(value, i);
            }
            else if (value[i] is '[' or '{')
            {
                depth++;
            }
            else if (value[i] is ']' or '}')
            {
                depth--;
            }
            else if (value[i] == '#')
            {
                break;
            }
        }

        return depth;
    }

    /// The index of the quote that closes the string opened at `start` (a basic string's \" does not close it).
    private static int StringEnd(string s, int start)
    {
        for (var i = start + 1; i < s.Length; i++)
        {
            if (s[start] == '"' && s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == s[start])
            {
                return i;
            }
        }

        return s.Length;
    }
}
