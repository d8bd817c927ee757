namespace Aurora.Porting.Import.Supervisord;

/// supervisord's INI dialect (Python's configparser as supervisord sets it up): `[section]`, `key = value` or
/// `key: value`, `;` and `#` comment lines, an inline comment after ` ;`, and continuation lines (indented lines
/// join the value above with a newline). Keys are lowercase; a later duplicate wins.
public sealed class IniFile
{
    private IniFile(List<(string Name, Dictionary<string, string> Values)> sections) => Sections = sections;

    public IReadOnlyList<(string Name, Dictionary<string, string> Values)> Sections { get; }

    public static IniFile Parse(string text, string file)
    {
        var sections = new List<(string, Dictionary<string, string>)>();
        Dictionary<string, string>? current = null;
        string? lastKey = null;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart()[0] is ';' or '#')
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]) && current is not null && lastKey is not null)
            {
                current[lastKey] = (current[lastKey] + "\n" + StripComment(line).Trim()).Trim();
                continue;
            }

            var trimmed = line.Trim();
            if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                sections.Add((trimmed[1..^1].Trim(), current));
                lastKey = null;
                continue;
            }

            var at = trimmed.IndexOfAny(['=', ':']);
            if (current is null || at <= 0)
            {
                throw new ImportException($"{Path.GetFileName(file)}:{lineNumber}: \"{trimmed}\" is neither [section] nor key=value");
            }

            lastKey = trimmed[..at].Trim().ToLowerInvariant();
            current[lastKey] = StripComment(trimmed[(at + 1)..]).Trim();
        }

        return new IniFile(sections);
    }

    /// supervisord strips an inline comment that starts with ` ;` (whitespace then a semicolon).
    private static string StripComment(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] == ';' && char.IsWhiteSpace(value[i - 1]))
            {
                return value[..i];
            }
        }

        return value;
    }
}
