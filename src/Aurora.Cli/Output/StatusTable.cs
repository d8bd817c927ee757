using Aurora.Contracts.V1;
using Spectre.Console;

namespace Aurora.Cli.Output;

/// `aurora status` for people: one row per service, state coloured on a terminal and always spelled out.
internal static class StatusTable
{
    public static void Write(IReadOnlyList<ServiceDto> services)
    {
        var console = Terminal.TableConsole();

        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "NAME", "STATE", "PID", "UPTIME", "RESTARTS", "HEALTH", "CPU", "MEM", "CAUSE / REASON" })
        {
            table.AddColumn(new TableColumn(h).NoWrap());
        }

        string? group = null;
        foreach (var s in services)
        {
            // Replicas are grouped under their service: a line for the service, then its instances indented.
            if (s.ReplicaOf is { } of && of != group)
            {
                var members = services.Where(r => r.ReplicaOf == of).ToList();
                var summary = string.Join(", ", members.GroupBy(r => r.State).Select(g => $"{g.Count()} {g.Key}"));
                table.AddRow(Markup.Escape(of), Markup.Escape($"{members.Count} replicas: {summary}"), "", "", "", "", "", "", "");
            }

            group = s.ReplicaOf;
            var next = s.NextRunAt is { } run ? $"next run {run.ToLocalTime():yyyy-MM-dd HH:mm:ss}" : null;
            var note = string.Join("; ", new[] { s.LastCause, s.Reason, s.StatusText, next }.Where(x => !string.IsNullOrEmpty(x)));
            table.AddRow(
                Markup.Escape(s.ReplicaOf is null ? s.Name : "  " + s.Name),
                $"[{Colour(s.State)}]{Markup.Escape(s.State)}[/]",
                s.Pid?.ToString() ?? "-",
                Format.Duration(s.UptimeMs),
                s.Restarts.ToString(),
                s.Health == "unknown" ? "-" : Markup.Escape(s.Health),
                Format.Percent(s.CpuPercent) + (s.Limits?.CpuPercent is { } cpu ? " / " + Format.Percent(cpu) : ""),
                Format.Bytes(s.MemoryBytes) + (s.Limits?.MemoryBytes is { } memory ? " / " + Format.Bytes(memory) : ""),
                Markup.Escape(note.Length == 0 ? "-" : note));
        }

        console.Write(table);

        // Predicted breaches, under the table: the table stays as wide as it was.
        foreach (var s in services.Where(s => s.Prediction is not null))
        {
            console.MarkupLine($"[yellow]{Markup.Escape(PredictionLine.Of(s.Name, s.Prediction!))}[/]");
        }
    }

    private static string Colour(string state) => Terminal.StateColour(state) switch
    {
        "32" => "green",
        "33" => "yellow",
        "31" => "red",
        _ => "grey",
    };
}
