using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// Which of a service's recent output lines can explain its last failure. The log holds earlier runs too
/// (each begins with Aurora's "[aurora] started pid N" note and ends with "[aurora] pid N exited"), and by the
/// time the evidence is read a restart may have begun; and a program that said "listening on …" had
/// survived everything it printed before that (an "address already in use" it retried past, a refused
/// connection it waited out): neither is the reason of this exit.
public static partial class FailureOutput
{
    public static bool IsAuroraNote(string line) => line.StartsWith("[aurora]", StringComparison.Ordinal);

    /// The lines of the run that failed. ended: the failure is an exit, so it is the last run that ended
    /// (from after the run before it ended, through its own end note and the output drained after it, up to
    /// the next start — a restart may already have begun); otherwise the run in progress (after the last start).
    public static ImmutableArray<string> LastRun(IReadOnlyList<string> lines, bool ended = true)
    {
        if (!ended)
        {
            var started = FindLast(lines, RunStarted(), lines.Count - 1);
            return [.. lines.Skip(Math.Max(started, FindLast(lines, RunEnded(), lines.Count - 1)) + 1)];
        }

        var end = FindLast(lines, RunEnded(), lines.Count - 1);
        if (end < 0)
        {
            return [.. lines];
        }

        var from = FindLast(lines, RunEnded(), end - 1) + 1;
        var next = FindFirst(lines, RunStarted(), end + 1);
        return [.. lines.Take(next < 0 ? lines.Count : next).Skip(from)];
    }

    /// The lines of the last run that the program printed after it last said it was up (all of them when
    /// it never said so), without Aurora's own notes.
    public static ImmutableArray<string> Relevant(IReadOnlyList<string> lines, bool ended = true)
    {
        var run = LastRun(lines, ended);
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

    private static int FindLast(IReadOnlyList<string> lines, Regex note, int from)
    {
        for (var i = from; i >= 0; i--)
        {
            if (note.IsMatch(lines[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindFirst(IReadOnlyList<string> lines, Regex note, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (note.IsMatch(lines[i]))
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^\[aurora\] (pid \d+ exited|pid \d+ stopped|spawn failed)", RegexOptions.CultureInvariant)]
    private static partial Regex RunEnded();

    [GeneratedRegex(@"^\[aurora\] started pid \d+", RegexOptions.CultureInvariant)]
    private static partial Regex RunStarted();

    [GeneratedRegex(@"\b(listening (on|at)\b|now listening|serving (http|https)? ?on\b|running on (https?://|port\b)|ready to accept connections|accepting connections|server (is )?(up|ready|started|running|listening) (on|at)\b|started (server )?on (port\b|https?://|\d))",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UpMarker();

    [GeneratedRegex(@"fail|error|cannot|can't|unable|could not|couldn't|in use|denied|refused|\bE[A-Z]{4,}\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Failure();
}
