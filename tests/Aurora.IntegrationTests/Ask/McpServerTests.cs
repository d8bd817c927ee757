using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;
using Aurora.IntegrationTests.Processes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Aurora.IntegrationTests.Ask;

/// `aurora mcp` end to end: the C# SDK's MCP client launches the real binary on stdio against a running daemon.
public class McpServerTests
{
    private const string Config = """
        version: 1
        services:
          db: { command: ["sleep", "1000"] }
          api:
            command: ["sh", "-c", "exec sleep 1000", "sh", "--api-key", "k3y-in-argv"]
            env: { API_TOKEN: "tok-987654321", DATABASE_URL: "postgres://app:pw-in-url@db/app", PLAIN: "visible" }
            depends_on: { db: started }
        """;

    private static async Task<McpClient> ConnectAsync(TestProject project, CancellationToken ct) =>
        await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "aurora",
            Command = AuroraBinary.Path,
            Arguments = ["mcp", "-f", project.ConfigPath],
            WorkingDirectory = project.Dir,
            EnvironmentVariables = TestChild.BaseEnvironment.ToDictionary(kv => kv.Key, kv => (string?)kv.Value),
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        }), cancellationToken: ct).DefaultTimeout(TimeSpan.FromSeconds(30));

    private static string Text(CallToolResult result) => string.Join('\n', result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    [Fact(Timeout = 90000)]
    public async Task A_real_client_lists_tools_reads_status_and_restarts_only_with_confirm()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(Config);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "api");
        await using var client = await ConnectAsync(project, ct);

        var tools = await client.ListToolsAsync(cancellationToken: ct).AsTask().DefaultTimeout();
        Assert.Equal(["status", "logs", "history", "incident", "ask", "start", "stop", "restart", "heal", "reload"], tools.Select(t => t.Name));
        foreach (var name in new[] { "start", "stop", "restart", "heal", "reload" })
        {
            Assert.True(tools.Single(t => t.Name == name).ProtocolTool.Annotations?.DestructiveHint, name);
        }

        Assert.True(tools.Single(t => t.Name == "status").ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.Equal("object", tools.Single(t => t.Name == "logs").JsonSchema.GetProperty("type").GetString());

        var status = await client.CallToolAsync("status", new Dictionary<string, object?>(), cancellationToken: ct).AsTask().DefaultTimeout();
        Assert.NotEqual(true, status.IsError);
        Assert.Contains("\"name\":\"api\"", Text(status));

        var mark = daemon.Runtime.Events.LastCommittedSeq;
        var refused = await client.CallToolAsync("restart", new Dictionary<string, object?> { ["service"] = "api" }, cancellationToken: ct).AsTask().DefaultTimeout();
        Assert.True(refused.IsError);
        Assert.Contains("confirm: true", Text(refused));

        var restarted = await client.CallToolAsync("restart", new Dictionary<string, object?> { ["service"] = "api", ["confirm"] = true },
            cancellationToken: ct).AsTask().DefaultTimeout();
        Assert.NotEqual(true, restarted.IsError);
        var stopping = await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.ServiceStopping && e.Service == "api");
        var started = await daemon.WaitForEventAfter(stopping.Seq, e => e.Type == EventTypes.ServiceStarted && e.Service == "api");
        Assert.Equal("mcp", stopping.Data.GetProperty("source").GetString());
        Assert.Equal("mcp", started.Data.GetProperty("source").GetString());
        var since = await daemon.Runtime.Events.Store.ReadAfterAsync(mark, 10_000, ct);
        Assert.Single(since, e => e.Type == EventTypes.ServiceStopping && e.Seq <= started.Seq);
    }

    [Fact(Timeout = 90000)]
    public async Task The_config_resource_masks_secrets_and_tools_answer_within_bounds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(Config);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "api");
        await using var client = await ConnectAsync(project, ct);

        var resources = await client.ListResourcesAsync(cancellationToken: ct).AsTask().DefaultTimeout();
        Assert.Equal(["aurora://config", "aurora://incidents/recent"], resources.Select(r => r.Uri));

        var config = await client.ReadResourceAsync("aurora://config", cancellationToken: ct).AsTask().DefaultTimeout();
        var yaml = Assert.IsType<TextResourceContents>(Assert.Single(config.Contents)).Text;
        Assert.Contains("API_TOKEN: \"***\"", yaml);
        Assert.Contains("postgres://app:***@db/app", yaml);
        Assert.Contains("\"--api-key\", \"***\"", yaml);
        Assert.Contains("PLAIN: \"visible\"", yaml);
        Assert.DoesNotContain("tok-987654321", yaml);
        Assert.DoesNotContain("pw-in-url", yaml);
        Assert.DoesNotContain("k3y-in-argv", yaml);

        var incidents = await client.ReadResourceAsync("aurora://incidents/recent", cancellationToken: ct).AsTask().DefaultTimeout();
        Assert.Equal("[]", Assert.IsType<TextResourceContents>(Assert.Single(incidents.Contents)).Text);

        var logs = await client.CallToolAsync("logs", new Dictionary<string, object?> { ["service"] = "api", ["lines"] = 100_000 },
            cancellationToken: ct).AsTask().DefaultTimeout();
        Assert.NotEqual(true, logs.IsError);
        Assert.True(Text(logs).Split('\n').Length <= 500);

        var ask = await client.CallToolAsync("ask", new Dictionary<string, object?> { ["text"] = "stop the database" }, cancellationToken: ct).AsTask().DefaultTimeout();
        Assert.Contains("plan: stop db", Text(ask));
        Assert.Contains("nothing was done", Text(ask));

        var missing = await client.CallToolAsync("incident", new Dictionary<string, object?> { ["id"] = "inc-404" }, cancellationToken: ct).AsTask().DefaultTimeout();
        Assert.True(missing.IsError);
        Assert.Contains("no incident", Text(missing));
    }
}
