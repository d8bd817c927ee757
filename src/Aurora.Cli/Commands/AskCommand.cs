using System.CommandLine;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Cli.Output;
using Aurora.Contracts.V1;
using Aurora.Core.Ask;

namespace Aurora.Cli.Commands;

/// `aurora ask "TEXT" [--yes] [--json]`: a plain sentence, answered by `POST /api/v1/ask`. Anything that changes
/// state prints its plan and asks y/N on a terminal before the confirmed call; --yes skips the question; without
/// a terminal and without --yes nothing is done (exit 1). "restart yourself" then waits for the new daemon to take
/// every service over and says how long the handover took, as `aurora daemon restart` does.
internal static class AskCommand
{
    public static Command Create()
    {
        var text = new Argument<string[]>("text") { Arity = ArgumentArity.OneOrMore, Description = "What you want, e.g. \"why did chat crash?\"" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do what a state-changing sentence says without asking" };
        var command = new Command("ask", "Talk to Aurora in a plain sentence: \"restart the api\", \"why did chat crash?\", \"restart yourself\"")
        {
            text, yes, CliOptions.Json,
        };
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            var sentence = string.Join(' ', parse.GetValue(text) ?? []);
            var json = parse.GetValue(CliOptions.Json);
            var paths = ProjectLocator.Paths(parse);
            using var client = new ControlClient(paths, Timeout.InfiniteTimeSpan, source: "ask");
            var answer = await AskAsync(client, sentence, confirm: false, ct);
            (ServiceListDto Before, int Pid, long Start)? handover = null;
            if (!answer.Understood)
            {
                return NotUnderstood(answer, json);
            }

            if (answer.NeedsConfirm)
            {
                if (!json)
                {
                    Console.WriteLine($"plan: {answer.Plan}");
                }

                if (!parse.GetValue(yes) && !Confirmed(answer, json))
                {
                    return ExitCodes.Failed;
                }

                handover = answer.Intent == IntentKind.DaemonRestart.WireName() ? await HandoverFromAsync(client, ct) : null;
                answer = await AskAsync(client, sentence, confirm: true, ct);
            }

            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(answer, AuroraJsonContext.Default.AskDto));
            }
            else if (answer.Result is { } result)
            {
                Console.WriteLine(result.Text);
            }

            if (answer.Result?.Ok == true && handover is { } h)
            {
                return await DaemonHandover.WaitAndReportAsync(paths, h.Before, h.Pid, h.Start, ct);
            }

            return answer.Result?.Ok == true ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    /// What the handover is measured from: the services and the daemon's pid just before the confirmed call, and its time.
    private static async Task<(ServiceListDto, int, long)> HandoverFromAsync(ControlClient client, CancellationToken ct)
    {
        var before = await client.GetAsync("/api/v1/services", AuroraJsonContext.Default.ServiceListDto, ct);
        var health = await client.GetAsync("/healthz", AuroraJsonContext.Default.HealthzDto, ct);
        return (before, health.Pid, TimeProvider.System.GetTimestamp());
    }

    private static Task<AskDto> AskAsync(ControlClient client, string text, bool confirm, CancellationToken ct) =>
        client.PostJsonAsync("/api/v1/ask", new AskRequestDto(text, confirm), AuroraJsonContext.Default.AskRequestDto, AuroraJsonContext.Default.AskDto, ct);

    private static int NotUnderstood(AskDto answer, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(answer, AuroraJsonContext.Default.AskDto));
        }

        Terminal.Error(answer.Message ?? "not understood");
        if (answer.Closest.Count > 0)
        {
            Console.Error.WriteLine("closest: " + string.Join(" · ", answer.Closest.Select(c => $"aurora ask \"{c.Example}\"")));
        }

        return ExitCodes.Usage;
    }

    /// Asks y/N on the terminal; without one, says how to confirm and declines.
    private static bool Confirmed(AskDto plan, bool json)
    {
        if (Console.IsInputRedirected || Console.IsErrorRedirected)
        {
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(plan, AuroraJsonContext.Default.AskDto));
            }

            Terminal.Error("nothing was done: this changes state; confirm with --yes (or run it on a terminal)");
            return false;
        }

        Console.Error.Write("Go ahead? [y/N] ");
        var reply = Console.ReadLine()?.Trim().ToLowerInvariant();
        if (reply is "y" or "yes")
        {
            return true;
        }

        Console.Error.WriteLine("nothing was done");
        return false;
    }
}
