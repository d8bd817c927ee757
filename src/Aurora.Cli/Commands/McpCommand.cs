using System.CommandLine;
using Aurora.Cli.Client;
using Aurora.Cli.Mcp;

namespace Aurora.Cli.Commands;

/// `aurora mcp [-f FILE]`: serve the Model Context Protocol on stdio for an assistant, until stdin closes.
internal static class McpCommand
{
    public static Command Create()
    {
        var command = new Command("mcp", "Serve the Model Context Protocol on stdio (tools and resources for an AI assistant)");
        command.SetAction(async (parse, ct) =>
        {
            // Each call waits as long as it takes (a heal runs its fixes); the assistant cancels what it gives up on.
            using var client = new ControlClient(ProjectLocator.Paths(parse), Timeout.InfiniteTimeSpan, source: "mcp");
            await AuroraMcpServer.RunAsync(client, ProjectLocator.ConfigPath(parse), ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
