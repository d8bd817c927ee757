using System.CommandLine;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Contracts.V1;

namespace Aurora.Cli.Commands;

/// `aurora scale NAME N [--json]`: run N instances of NAME until the next reload.
internal static class ScaleCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The service to scale" };
        var count = new Argument<int>("replicas") { Description = "How many instances (1 to 64)" };
        var command = new Command("scale", "Run N instances of a service (NAME-1..NAME-N) until the next reload") { name, count, CliOptions.Json };
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            using var client = new ControlClient(ProjectLocator.Paths(parse), Timeout.InfiniteTimeSpan);
            var service = parse.GetValue(name)!;
            var result = await client.PostJsonAsync($"/api/v1/services/{Uri.EscapeDataString(service)}/scale", new ScaleRequestDto(parse.GetValue(count)),
                AuroraJsonContext.Default.ScaleRequestDto, AuroraJsonContext.Default.ScaleDto, ct);
            if (parse.GetValue(CliOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, AuroraJsonContext.Default.ScaleDto));
                return ExitCodes.Ok;
            }

            Console.WriteLine($"aurora: {result.Service} runs {result.Replicas} instance{(result.Replicas == 1 ? "" : "s")} until the next reload");
            foreach (var added in result.Added)
            {
                Console.WriteLine($"  + {added}");
            }

            foreach (var removed in result.Removed)
            {
                Console.WriteLine($"  - {removed}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
