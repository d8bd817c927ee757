using System.CommandLine;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Cli.Output;
using Aurora.Contracts.V1;

namespace Aurora.Cli.Commands;

/// `aurora insights [--json]`: what the history says about the config, each insight with its stable id and, when
/// the config can change it, the proposed change. `aurora insights apply ID`: that change, as a transaction.
internal static class InsightsCommand
{
    public static Command Create()
    {
        var command = new Command("insights", "What the failure memory says about the config: MTBF/MTTR, slow starts, limits, fixes that never work; suggested changes with stable ids")
        {
            CliOptions.Json,
            Apply(),
        };
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            using var client = new ControlClient(ProjectLocator.Paths(parse));
            var report = await client.GetAsync("/api/v1/insights", AuroraJsonContext.Default.InsightsDto, ct);
            if (parse.GetValue(CliOptions.Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(report, AuroraJsonContext.Default.InsightsDto));
                return ExitCodes.Ok;
            }

            Write(report);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Apply()
    {
        var id = new Argument<string>("id") { Description = "The insight's id, as `aurora insights` shows it (e.g. start-period:api)" };
        var command = new Command("apply", "Apply an insight's config change: backup, edit, validate, reload, verify — or restore the file and reload")
        {
            id, CliOptions.Json,
        };
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            using var client = new ControlClient(ProjectLocator.Paths(parse), Timeout.InfiniteTimeSpan);
            var result = await client.PostAsync($"/api/v1/insights/{Uri.EscapeDataString(parse.GetValue(id)!)}/apply",
                AuroraJsonContext.Default.InsightApplyDto, ct);
            if (parse.GetValue(CliOptions.Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(result, AuroraJsonContext.Default.InsightApplyDto));
            }
            else
            {
                foreach (var line in result.Diff)
                {
                    Console.Out.WriteLine(Terminal.Paint(line, line.StartsWith('+') && !line.StartsWith("+++", StringComparison.Ordinal) ? "32"
                        : line.StartsWith('-') && !line.StartsWith("---", StringComparison.Ordinal) ? "31" : line.StartsWith("@@", StringComparison.Ordinal) ? "36" : "0"));
                }

                Console.Out.WriteLine(result.Applied
                    ? $"{Terminal.Paint("applied", "32")} {result.Id}: {result.Detail} (backup {result.Backup})"
                    : $"{Terminal.Paint("rolled back", "31")} {result.Id}: {result.Detail}");
            }

            return result.Applied ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static void Write(InsightsDto report)
    {
        foreach (var i in report.Insights)
        {
            Console.Out.WriteLine($"{Terminal.Paint(i.Id, "1")}  {i.Summary}");
            foreach (var e in i.Evidence)
            {
                Console.Out.WriteLine($"    {Terminal.Paint("·", "90")} {e}");
            }

            if (i.Proposal is { } p)
            {
                var change = $"{p.Path}: {p.Current ?? "(unset)"} → {p.Proposed ?? "(remove)"}";
                Console.Out.WriteLine(p.File is { } file
                    ? $"    {Terminal.Paint("change", "33")} {Path.GetFileName(file)}: {change}   {Terminal.Paint($"aurora insights apply {i.Id}", "90")}"
                    : $"    {Terminal.Paint("change", "33")} {change} — not applicable here: {p.Declined}");
            }
        }

        var proposals = report.Insights.Count(i => i.Proposal?.File is not null);
        Console.Out.WriteLine();
        Console.Out.WriteLine($"insights: {report.Insights.Count} ({proposals} with a change to apply), from {report.Window.Events} events, "
            + $"{report.Window.Incidents} incidents and {report.Window.Minutes} resource minutes since {report.Window.Since:yyyy-MM-dd}");
    }
}
