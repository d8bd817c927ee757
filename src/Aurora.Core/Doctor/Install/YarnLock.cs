namespace Aurora.Core.Doctor.Install;

/// yarn.lock in the classic (v1) format: blocks headed by their specifiers (`"ms@^2.1.1", ms@^2.1.3:`) with an
/// indented `version "2.1.3"`. Yarn 2+ (berry) writes YAML with `__metadata`: IsBerry, nothing else is read.
internal static class YarnLock
{
    public sealed record Contents(bool IsBerry, IReadOnlyDictionary<string, string> VersionBySpecifier, IReadOnlyList<(string Name, string Version)> Packages);

    public static Contents? Read(string file)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (lines.Any(l => l.StartsWith("__metadata:", StringComparison.Ordinal)))
        {
            return new Contents(true, new Dictionary<string, string>(), []);
        }

        var bySpecifier = new Dictionary<string, string>(StringComparer.Ordinal);
        var packages = new List<(string, string)>();
        string[] specifiers = [];
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]) && line.EndsWith(':'))
            {
                specifiers = [.. line[..^1].Split(',').Select(s => s.Trim().Trim('"')).Where(s => s.Length > 0)];
                continue;
            }

            var trimmed = line.Trim();
            if (specifiers.Length > 0 && line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("    ", StringComparison.Ordinal)
                && trimmed.StartsWith("version ", StringComparison.Ordinal))
            {
                var version = trimmed["version ".Length..].Trim().Trim('"');
                foreach (var s in specifiers)
                {
                    bySpecifier[s] = version;
                }

                packages.Add((NameOf(specifiers[0]), version));
                specifiers = [];
            }
        }

        return new Contents(false, bySpecifier, packages);
    }

    /// `@scope/name@^1.0.0` → `@scope/name`.
    public static string NameOf(string specifier)
    {
        var at = specifier.IndexOf('@', 1);
        return at < 0 ? specifier : specifier[..at];
    }
}
