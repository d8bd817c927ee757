using System.Globalization;
using Aurora.Contracts.V1;
using Spectre.Console;

namespace Aurora.Cli.Output;

/// `aurora history` for people: one row per incident (with its first evidence line), then the events.
internal static class HistoryTable
{
    public static void Write(HistoryDto history)
    {
        var console = Terminal.TableConsole();

        if (history.Incidents.Count == 0 && history.Events.Count == 0)
        {
            Console.Out.WriteLine("no matching incidents or events");
            return;
        }

        if (history.Incidents.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "INCIDENT", "SERVICE", "CAUSE", "OPENED", "DURATION", "SEEN", "FIXES", "EVIDENCE" })
            {
                table.AddColumn(new TableColumn(h).NoWrap());
            }

            foreach (var i in history.Incidents)
            {
                table.AddRow(
                    Markup.Escape(i.Id),
                    Markup.Escape(i.Service),
                    Markup.Escape(i.Cause),
                    i.Opened.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    i.Resolved is { } r ? Format.Duration((long)(r - i.Opened).TotalMilliseconds) : "open",
                    i.Occurrences > 1 ? $"{i.Occurrences}x" : "1x",
                    Markup.Escape(i.Fixes.Count == 0 ? "-" : string.Join(", ", i.Fixes.Select(f => $"{f.Fix} ({f.Outcome})"))),
                    Markup.Escape(Shorten(i.Evidence.LastOrDefault() ?? "-", 80)));
            }

            console.Write(table);
        }

        if (history.Events.Count > 0)
        {
            Console.Out.WriteLine();
            foreach (var e in history.Events)
            {
                Console.Out.WriteLine(EventPrinter.Line(e));
            }
        }
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
