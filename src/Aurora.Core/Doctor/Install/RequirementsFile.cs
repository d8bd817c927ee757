using System.Text.RegularExpressions;

namespace Aurora.Core.Doctor.Install;

/// requirements.txt: the exact pins (`name==1.2.3`, `name[extra]===1.2.3 ; marker`), following `-r other.txt`.
/// Ranges (`>=`), URLs, editables and options pin nothing and are skipped. HasMarker: the pin applies only where
/// its environment marker holds, which doctor does not evaluate.
internal static partial class RequirementsFile
{
    public sealed record Pin(string Name, string Version, bool HasMarker);

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*===?\s*(?<version>[A-Za-z0-9.!+_-]+)\s*(?<marker>;.*)?$")]
    private static partial Regex PinLine();

    public static IReadOnlyList<Pin> Read(string file) => Read(file, new HashSet<string>(StringComparer.Ordinal));

    private static IReadOnlyList<Pin> Read(string file, HashSet<string> visited)
    {
        if (!visited.Add(Path.GetFullPath(file)))
        {
            return [];
        }

        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var pins = new List<Pin>();
        foreach (var raw in text.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n'))
        {
            var line = StripComment(raw).Trim();
            if (Include(line) is { } included)
            {
                pins.AddRange(Read(Path.Combine(Path.GetDirectoryName(file) ?? ".", included), visited));
                continue;
            }

            // Per-requirement options (--hash=…) follow the requirement itself.
            var requirement = line.Split(" --", 2)[0].Trim();
            if (PinLine().Match(requirement) is { Success: true } m)
            {
                pins.Add(new Pin(m.Groups["name"].Value, m.Groups["version"].Value, m.Groups["marker"].Success));
            }
        }

        return pins;
    }

    private static string? Include(string line)
    {
        foreach (var option in new[] { "-r ", "--requirement ", "--requirement=" })
        {
            if (line.StartsWith(option, StringComparison.Ordinal))
            {
                return line[option.Length..].Trim();
            }
        }

        return null;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf(" #", StringComparison.Ordinal);
        return line.StartsWith('#') ? "" : hash < 0 ? line : line[..hash];
    }
}
