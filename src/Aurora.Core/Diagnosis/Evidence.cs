using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// Picks the output lines that match a pattern, newest last, at most a few; never Aurora's own notes
/// (a note can quote an earlier verdict's evidence).
internal static class Evidence
{
    public static ImmutableArray<string> Matching(ImmutableArray<string> lines, Regex pattern, int max = 5) =>
        [.. lines.Where(l => !FailureOutput.IsAuroraNote(l) && pattern.IsMatch(l)).TakeLast(max)];

    /// The last lines of output, for a verdict that rests on something else (an exit code, a signal).
    public static ImmutableArray<string> Tail(ImmutableArray<string> lines, int max = 5) =>
        [.. lines.Where(l => !FailureOutput.IsAuroraNote(l) && l.Trim().Length > 0).TakeLast(max)];

    public static ImmutableArray<string> With(string first, ImmutableArray<string> rest) => [first, .. rest];

    /// The evidence line that best sums a verdict up for its summary: the last one, trimmed and short.
    public static string Last(ImmutableArray<string> lines)
    {
        var line = lines[^1].Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
