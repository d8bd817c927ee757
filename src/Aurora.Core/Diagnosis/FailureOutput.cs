using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// Which of a service's recent output lines can explain its last failure. The log holds earlier runs too
/// (each ends with Aurora's "[aurora] pid N exited" note), and a program that said "listening on …" had
/// survived everything it printed before that (an "address already in use" it retried past, a refused
/// connection it waited out): neither is the reason of this exit.
public static partial class FailureOutput
{
    public static bool IsAuroraNote(string line) => line.StartsWith("[aurora]", StringComparison.Ordinal);

    /// The lines of the last run, from after the previous run's end note (its own end note, and any output
    /// drained after it, included).
    public static ImmutableArray<string> LastRun(IReadOnlyList<string> lines)
    {
        var ends = 0;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (RunEnded().IsMatch(lines[i]) && ++ends == 2)
            {
                return [.. lines.Skip(i + 1)];
            }
        }

        return [.. lines];
    }

    /// The lines of the last run that the program printed after it last said it was up (all of them when
    /// it never said so), without Aurora's own notes.
    public static ImmutableArray<string> Relevant(IReadOnlyList<string> lines)
    {
        var run = LastRun(lines);
        var start = 0;
        for (var i = run.Length - 1; i >= 0; i--)
        {
            if (!IsAuroraNote(run[i]) && IsUpMarker(run[i]))
            {
                start = i + 1;
                break;
            }
        }

        return [.. run.Skip(start).Where(l => !IsAuroraNote(l))];
    }

    /// "Serving HTTP on …", "listening on 127.0.0.1:3000", "Ready to accept connections": the program got
    /// past its start-up. A line that also reports a failure ("Failed listening on port …") or asks a question
    /// (psql's "Is the server running on that host …?") is not one.
    public static bool IsUpMarker(string line) => UpMarker().IsMatch(line) && !Failure().IsMatch(line) && !line.TrimEnd().EndsWith('?');

    [GeneratedRegex(@"^\[aurora\] (pid \d+ exited|pid \d+ stopped|spawn failed)", RegexOptions.CultureInvariant)]
    private static partial Regex RunEnded();

    [GeneratedRegex(@"\b(listening (on|at)\b|now listening|serving (http|https)? ?on\b|running on (https?://|port\b)|ready to accept connections|accepting connections|server (is )?(up|ready|started|running|listening) (on|at)\b|started (server )?on (port\b|https?://|\d))",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UpMarker();

    [GeneratedRegex(@"fail|error|cannot|can't|unable|could not|couldn't|in use|denied|refused|\bE[A-Z]{4,}\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Failure();
}
