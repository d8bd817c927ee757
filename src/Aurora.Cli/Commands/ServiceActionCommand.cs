using System.CommandLine;
using Aurora.Cli.Client;
using Aurora.Cli.Output;
using Aurora.Contracts.V1;

namespace Aurora.Cli.Commands;

/// `aurora start|stop|restart NAME…`
internal static class ServiceActionCommand
{
    public static Command Create(string action, string description)
    {
        var names = new Argument<string[]>("names") { Arity = ArgumentArity.OneOrMore, Description = "Service names" };
        var command = new Command(action, description) { names, CliOptions.Json };
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            using var client = new ControlClient(ProjectLocator.Paths(parse));
            var rows = new List<ServiceDto>();
            foreach (var name in parse.GetValue(names)!)
            {
                // A service answers with its row; NAME of a replicated service, with every instance's row.
                using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/services/{Uri.EscapeDataString(name)}/{action}"), ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                IReadOnlyList<ServiceDto> answered = body.Contains("\"services\"", StringComparison.Ordinal)
                    ? System.Text.Json.JsonSerializer.Deserialize(body, AuroraJsonContext.Default.ServiceRowsDto)!.Services
                    : [System.Text.Json.JsonSerializer.Deserialize(body, AuroraJsonContext.Default.ServiceDto)!];
                foreach (var row in answered)
                {
                    rows.Add(row);
                    if (!parse.GetValue(CliOptions.Json))
                    {
                        var pid = row.Pid is { } p ? $" (pid {p})" : "";
                        Console.WriteLine($"{row.Name}: {Terminal.Paint(row.State, Terminal.StateColour(row.State))}{pid}");
                    }
                }
            }

            if (parse.GetValue(CliOptions.Json))
            {
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new ServiceRowsDto(rows), AuroraJsonContext.Default.ServiceRowsDto));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
