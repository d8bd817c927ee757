using System.CommandLine;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Cli.Output;
using Aurora.Contracts.V1;

namespace Aurora.Cli.Commands;

/// `aurora heal NAME [--json]`: diagnose the service now and run the fix path, as after a failure.
internal static class HealCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The service to heal" };
        var command = new Command("heal", "Diagnose a service now and run the fixes for its cause (verified, or rolled back)") { name, CliOptions.Json };
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            using var client = new ControlClient(ProjectLocator.Paths(parse), Timeout.InfiniteTimeSpan);
            var service = parse.GetValue(name)!;
            var result = await client.PostAsync($"/api/v1/services/{Uri.EscapeDataString(service)}/heal", AuroraJsonContext.Default.HealDto, ct);
            if (parse.GetValue(CliOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, AuroraJsonContext.Default.HealDto));
                return result.Healed || result.Fixes.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
            }

            Console.WriteLine($"{result.Service}: {Terminal.Paint(result.Cause, "36")}{(result.Incident is { } id ? $" ({id})" : "")}: {result.Summary}");
            if (result.Fixes.Count == 0)
            {
                Console.WriteLine("  no fix applies to this cause");
                return ExitCodes.Ok;
            }

            foreach (var f in result.Fixes)
            {
                var colour = f.Outcome switch { "verified" => "32", "rolled_back" => "31", _ => "90" };
                Console.WriteLine($"  {Terminal.Paint(f.Outcome, colour),-12} {f.Fix}: {f.Detail}");
            }

            return result.Healed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
