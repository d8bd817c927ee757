using System.CommandLine;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Cli.Output;
using Aurora.Contracts.V1;

namespace Aurora.Cli.Commands;

internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "One row per service: state, pid, uptime, restarts, health, cpu, memory, last cause") { CliOptions.Json };
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            using var client = new ControlClient(ProjectLocator.Paths(parse));
            var raw = await client.GetRawAsync("/api/v1/services", ct);
            if (parse.GetValue(CliOptions.Json))
            {
                Console.Out.WriteLine(raw);
                return ExitCodes.Ok;
            }

            var list = JsonSerializer.Deserialize(raw, AuroraJsonContext.Default.ServiceListDto)!;
            StatusTable.Write(list.Services);
            return ExitCodes.Ok;
        });
        return command;
    }
}
