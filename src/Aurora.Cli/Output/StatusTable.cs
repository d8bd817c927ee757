using Aurora.Contracts.V1;
using Spectre.Console;

namespace Aurora.Cli.Output;

/// `aurora status` for people: one row per service, state coloured on a terminal and always spelled out.
internal static class StatusTable
{
    public static readonly string[] Headers = ["NAME", "STATE", "PID", "UPTIME", "RESTARTS", "HEALTH", "CPU", "MEM", "CAUSE / REASON"];

    public static void Write(IReadOnlyList<ServiceDto> services)
    {
        var rows = Rows(services);
        if (!TextTable.TryWrite(Console.Out, Headers, rows, Terminal.TableWidth(), Terminal.Colour))
        {
            WriteWithSpectre(Terminal.TableConsole(), rows);
        }

        // Predicted breaches, under the table: the table stays as wide as it was.
        var predicted = services.Where(s => s.Prediction is not null).ToList();
        if (predicted.Count > 0)
        {
            var console = Terminal.TableConsole();
            foreach (var s in predicted)
            {
                console.MarkupLine($"[yellow]{Markup.Escape(PredictionLine.Of(s.Name, s.Prediction!))}[/]");
            }
        }
    }

    public static List<TextTable.Row> Rows(IReadOnlyList<ServiceDto> services)
    {
        var rows = new List<TextTable.Row>(services.Count);
        string? group = null;
        foreach (var s in services)
        {
            // Replicas are grouped under their service: a line for the service, then its instances indented.
            if (s.ReplicaOf is { } of && of != group)
            {
                var members = services.Where(r => r.ReplicaOf == of).ToList();
                var summary = string.Join(", ", members.GroupBy(r => r.State).Select(g => $"{g.Count()} {g.Key}"));
                rows.Add(new TextTable.Row([of, $"{members.Count} replicas: {summary}", "", "", "", "", "", "", ""]));
            }

            group = s.ReplicaOf;
            var next = s.NextRunAt is { } run ? $"next run {run.ToLocalTime():yyyy-MM-dd HH:mm:ss}" : null;
            var note = string.Join("; ", new[] { s.LastCause, s.Reason, s.StatusText, next }.Where(x => !string.IsNullOrEmpty(x)));
            rows.Add(new TextTable.Row(
                [
                    s.ReplicaOf is null ? s.Name : "  " + s.Name,
                    s.State,
                    s.Pid?.ToString() ?? "-",
                    Format.Duration(s.UptimeMs),
                    s.Restarts.ToString(),
                    s.Health == "unknown" ? "-" : s.Health,
                    Format.Percent(s.CpuPercent) + (s.Limits?.CpuPercent is { } cpu ? " / " + Format.Percent(cpu) : ""),
                    Format.Bytes(s.MemoryBytes) + (s.Limits?.MemoryBytes is { } memory ? " / " + Format.Bytes(memory) : ""),
                    note.Length == 0 ? "-" : note,
                ],
                PaintedCell: 1,
                Paint: Terminal.StateColour(s.State)));
        }

        return rows;
    }

    /// What TextTable does not lay out itself (wider than the terminal, or text that is not plain ASCII): Spectre's
    /// table, which shrinks and measures wide characters.
    public static void WriteWithSpectre(IAnsiConsole console, IReadOnlyList<TextTable.Row> rows)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in Headers)
        {
            table.AddColumn(new TableColumn(h).NoWrap());
        }

        foreach (var row in rows)
        {
            table.AddRow([.. row.Cells.Select((cell, i) => i == row.PaintedCell && row.Paint is { } paint
                ? $"[{Colour(paint)}]{Markup.Escape(cell)}[/]"
                : Markup.Escape(cell))]);
        }

        console.Write(table);
    }

    private static string Colour(string ansi) => ansi switch
    {
        "32" => "green",
        "33" => "yellow",
        "31" => "red",
        _ => "grey",
    };
}
