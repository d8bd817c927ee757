using System.Globalization;
using Aurora.Core.Incidents;

namespace Aurora.Core.Ask;

/// The plain answers to "why did X fail" and "past fixes for C", from the failure memory.
public static class AskText
{
    public const int ShownIncidents = 5;
    private const int ShownEvidence = 3;

    public static string Why(Intent intent, IReadOnlyList<IncidentRecord> incidents)
    {
        var who = intent.Service ?? "any service";
        var what = intent.Cause is { } c ? $" from {CauseWords.PlainName(c)}" : "";
        if (incidents.Count == 0)
        {
            return $"no failures of {who}{what} recorded{Since(intent.Since)}";
        }

        var lines = new List<string>
        {
            $"{Count(incidents.Count, "failure")} of {who}{what}{Since(intent.Since)}" + (incidents.Count > ShownIncidents ? $"; the latest {ShownIncidents}:" : ", newest first:"),
        };
        foreach (var i in incidents.Take(ShownIncidents))
        {
            lines.Add($"{i.Id} {i.Service}: {Cause(i.Cause)}, opened {Time(i.Opened)}, "
                + (i.Resolved is { } r ? $"resolved after {Span(r - i.Opened)}" : "still open")
                + (i.Occurrences > 1 ? $"; seen {i.Occurrences} times" : "; first time seen"));
            if (i.Evidence.Length > 0)
            {
                lines.Add("  evidence: " + string.Join(" | ", i.Evidence.Take(ShownEvidence)));
            }

            lines.Add(i.Fixes.IsEmpty ? "  no fix tried" : "  fixes tried: " + string.Join(", ", i.Fixes.Select(f => $"{f.Fix} ({f.Outcome})")));
        }

        return string.Join('\n', lines);
    }

    public static string PastFixes(Intent intent, IReadOnlyList<FixTally> fixes)
    {
        var about = (intent.Cause is { } c ? $" for {CauseWords.PlainName(c)}" : "") + (intent.Service is { } s ? $" on {s}" : "");
        if (fixes.Count == 0)
        {
            return $"no fixes recorded{about}{Since(intent.Since)} yet";
        }

        var lines = new List<string> { $"past fixes{about}{Since(intent.Since)}, best record first:" };
        lines.AddRange(fixes.Select(f =>
            $"{f.Fix} against {CauseWords.PlainName(f.Cause)}: verified {f.Verified} of {Count(f.Tried, "time")}"
            + (f.RolledBack > 0 ? $", rolled back {f.RolledBack}" : "") + $"; last tried {Time(f.Last)}"));
        return string.Join('\n', lines);
    }

    private static string Since(string? since) => since switch
    {
        null => "",
        HistorySince.Today or HistorySince.Yesterday => " since " + since,
        _ => " in the last " + since,
    };

    /// "port conflict (port_conflict)"; "unknown" once.
    private static string Cause(string cause) => CauseWords.PlainName(cause) is var plain && plain != cause ? $"{plain} ({cause})" : cause;

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Span(TimeSpan d) =>
        d.TotalSeconds < 60 ? $"{d.TotalSeconds:0.#} s" : d.TotalMinutes < 60 ? $"{d.TotalMinutes:0} min" : $"{d.TotalHours:0.#} h";
}
