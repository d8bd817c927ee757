using System.Collections.Immutable;

namespace Aurora.Core.Insights.Editing;

/// The lines an edit changed, as a small unified diff: the common lines before and after are cut, one line of
/// context is kept on each side, removed lines start with "-", added ones with "+".
public static class LineDiff
{
    public static ImmutableArray<string> Of(string before, string after, string name)
    {
        var a = Lines(before);
        var b = Lines(after);
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)])
        {
            tail++;
        }

        var from = Math.Max(0, head - 1);
        var lines = ImmutableArray.CreateBuilder<string>();
        lines.Add($"--- {name}");
        lines.Add($"+++ {name}");
        lines.Add($"@@ -{from + 1},{a.Length - tail - from + (tail > 0 ? 1 : 0)} +{from + 1},{b.Length - tail - from + (tail > 0 ? 1 : 0)} @@");
        lines.AddRange(a[from..head].Select(l => " " + l));
        lines.AddRange(a[head..^tail].Select(l => "-" + l));
        lines.AddRange(b[head..^tail].Select(l => "+" + l));
        if (tail > 0)
        {
            lines.Add(" " + a[^tail]);
        }

        return lines.ToImmutable();
    }

    private static string[] Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
}
