using System.CommandLine;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Cli.Output;
using Aurora.Contracts.V1;

namespace Aurora.Cli.Commands;

/// `aurora reload [--dry-run] [--json]`: apply config changes, restarting only what changed.
internal static class ReloadCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would change, change nothing" };
        var command = new Command("reload", "Apply aurora.yaml changes; restart only what changed") { dryRun, CliOptions.Json };
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            using var client = new ControlClient(ProjectLocator.Paths(parse));
            var path = "/api/v1/reload" + (parse.GetValue(dryRun) ? "?dry_run=true" : "");
            var result = await client.PostAsync(path, AuroraJsonContext.Default.ReloadDto, ct);
            if (parse.GetValue(CliOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, AuroraJsonContext.Default.ReloadDto));
                return ExitCodes.Ok;
            }

            WarnOfOtherFiles(parse, result.Files);
            Console.WriteLine(result.Applied ? "aurora: reloaded" : "aurora: dry run, nothing changed; a reload would do:");
            Print("+", "add", result.Added, "32");
            Print("-", "remove", result.Removed, "31");
            Print("~", "restart", result.Restarted.Select(c => $"{c.Service} ({string.Join(", ", c.Fields)})"), "33");
            Print("=", "update in place", result.Updated.Select(c => $"{c.Service} ({string.Join(", ", c.Fields)})"), "36");
            Print("=", "apply", result.Settings ?? [], "36");
            if (result.Unchanged.Count > 0)
            {
                Console.WriteLine($"  unchanged: {string.Join(", ", result.Unchanged)}");
            }

            if (result.NeedsDaemonRestart.Count > 0)
            {
                Console.WriteLine($"  not applied until `aurora down && aurora up`: {string.Join(", ", result.NeedsDaemonRestart)}");
            }

            var touched = result.Added.Concat(result.Restarted.Select(c => c.Service)).ToHashSet();
            if (result.Applied && touched.Count > 0 && ProgressView.Enabled)
            {
                await FollowAsync(client, touched, ct);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// Live progress of the services the reload started or restarted, from the list and the stream, until they
    /// settle (30 s at most).
    private static async Task FollowAsync(ControlClient client, HashSet<string> names, CancellationToken ct)
    {
        var progress = new ProgressView();
        var services = await ServiceView.ReadAsync(client, ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        bool Draw() => progress.Draw([.. services.Rows.Where(s => names.Contains(s.Name))
            .Select(s => new ProgressRow(s.Name, s.State, s.Reason, s.Pid, s.LastCause))]);
        if (Draw())
        {
            return;
        }

        try
        {
            await foreach (var m in EventStream.FollowAsync(client, services.Seq, deadline.Token))
            {
                if (m.Event is { } e && services.Apply(e) && Draw())
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }

    /// The daemon reads the files it was started with; a different `-f` list here only found the project.
    private static void WarnOfOtherFiles(ParseResult parse, IReadOnlyList<string>? read)
    {
        if (read is { Count: > 0 } && parse.GetValue(CliOptions.Files) is { Length: > 0 } given && !given.Select(f => f.FullName).SequenceEqual(read))
        {
            Terminal.Error($"warning: the daemon reads {string.Join(" + ", read)}, the files it was started with, not the -f given here; "
                + "to change them, `aurora down` and `aurora up` with the new -f list");
        }
    }

    private static void Print(string mark, string verb, IEnumerable<string> items, string colour)
    {
        foreach (var item in items)
        {
            Console.WriteLine($"  {Terminal.Paint(mark, colour)} {verb,-15} {item}");
        }
    }
}
