using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// Picks the output lines that match a pattern, newest last, at most a few.
internal static class Evidence
{
    public static ImmutableArray<string> Matching(ImmutableArray<string> lines, Regex pattern, int max = 5) =>
        [.. lines.Where(l => pattern.IsMatch(l)).TakeLast(max)];

    /// The last lines of output, for a verdict that rests on something else (an exit code, a signal).
    public static ImmutableArray<string> Tail(ImmutableArray<string> lines, int max = 5) =>
        [.. lines.Where(l => !l.StartsWith("[aurora]", StringComparison.Ordinal) && l.Trim().Length > 0).TakeLast(max)];

    public static ImmutableArray<string> With(string first, ImmutableArray<string> rest) => [first, .. rest];
}
