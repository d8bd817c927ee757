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
                var row = await client.PostAsync($"/api/v1/services/{Uri.EscapeDataString(name)}/{action}", AuroraJsonContext.Default.ServiceDto, ct);
                rows.Add(row);
                if (!parse.GetValue(CliOptions.Json))
                {
                    var pid = row.Pid is { } p ? $" (pid {p})" : "";
                    Console.WriteLine($"{row.Name}: {Terminal.Paint(row.State, Terminal.StateColour(row.State))}{pid}");
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
