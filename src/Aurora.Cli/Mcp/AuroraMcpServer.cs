using Aurora.Cli.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Aurora.Cli.Mcp;

/// `aurora mcp`: a Model Context Protocol server on stdio (JSON-RPC, one message per line), a client of the
/// daemon's control API like the rest of the CLI. Built on the handler API, not reflection-based discovery,
/// so it works in the native (AOT) binary. Nothing else may write to stdout while it runs.
internal static class AuroraMcpServer
{
    public static async Task RunAsync(ControlClient client, string configPath, CancellationToken ct)
    {
        var tools = new McpToolCalls(client);
        var resources = new McpResources(client, configPath);
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "aurora", Version = typeof(AuroraMcpServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" },
            ServerInstructions = "Aurora supervises the services of one project (aurora.yaml): status, logs, the failure memory (history, " +
                "incidents), and start/stop/restart/heal/reload, which act only with confirm: true.",
            Handlers = new McpServerHandlers
            {
                ListToolsHandler = (_, _) => ValueTask.FromResult(new ListToolsResult { Tools = McpToolList.All }),
                CallToolHandler = (request, token) =>
                    tools.CallAsync(request.Params?.Name ?? "", request.Params?.Arguments ?? new Dictionary<string, System.Text.Json.JsonElement>(), token),
                ListResourcesHandler = (_, _) => ValueTask.FromResult(new ListResourcesResult { Resources = McpResources.All }),
                ReadResourceHandler = (request, token) => resources.ReadAsync(request.Params?.Uri ?? "", token),
            },
        };

        await using var server = McpServer.Create(new StdioServerTransport("aurora"), options);
        await server.RunAsync(ct);
    }
}
