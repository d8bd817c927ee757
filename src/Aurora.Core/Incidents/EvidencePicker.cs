using System.Text.RegularExpressions;

namespace Aurora.Core.Incidents;

/// Picks the lines of a service's recent output that explain a failure: the ones that look like errors,
/// else the last few lines; never Aurora's own notes; secrets scrubbed; long lines cut.
public static partial class EvidencePicker
{
    public const int MaxLines = 10;
    public const int FallbackLines = 5;
    public const int MaxLineLength = 400;

    public static IReadOnlyList<string> Pick(IReadOnlyList<string> recent, IEnumerable<string> secretValues)
    {
        var secrets = secretValues.ToList();
        var output = recent.Where(l => !l.StartsWith("[aurora]", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(l)).ToList();
        var errors = output.Where(l => ErrorLike().IsMatch(l)).ToList();
        var chosen = errors.Count > 0 ? errors.TakeLast(MaxLines) : output.TakeLast(FallbackLines);
        return chosen.Select(l => Cut(Secrets.Scrub(l.TrimEnd(), secrets))).ToList();
    }

    private static string Cut(string line) => line.Length <= MaxLineLength ? line : line[..MaxLineLength] + "…";

    [GeneratedRegex(@"error|exception|traceback|errno|refused|denied|not found|no such|fatal|panic|cannot|can't|failed|killed|(?-i:\bE[A-Z]{4,}\b)|usage:",
        RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLike();
}
