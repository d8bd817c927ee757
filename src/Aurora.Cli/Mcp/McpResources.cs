using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Core.Config;
using ModelContextProtocol.Protocol;

namespace Aurora.Cli.Mcp;

/// The resources `aurora mcp` serves: the effective config (aurora.yaml merged and interpolated, rendered as
/// YAML with every secret value masked) and the recent incidents of the failure memory.
internal sealed class McpResources(ControlClient client, string configPath)
{
    public const string ConfigUri = "aurora://config";
    public const string IncidentsUri = "aurora://incidents/recent";
    private const int RecentIncidents = 20;

    public static IList<Resource> All { get; } =
    [
        new Resource { Uri = ConfigUri, Name = "aurora.yaml", Description = "The effective config (merged and interpolated), secret values masked", MimeType = "application/yaml" },
        new Resource { Uri = IncidentsUri, Name = "recent incidents", Description = $"The {RecentIncidents} newest incidents: cause, evidence, fixes tried, how often seen", MimeType = "application/json" },
    ];

    public async ValueTask<ReadResourceResult> ReadAsync(string uri, CancellationToken ct) => uri switch
    {
        ConfigUri => Contents(uri, "application/yaml", Config()),
        IncidentsUri => Contents(uri, "application/json", await IncidentsAsync(ct)),
        _ => throw new ArgumentException($"no resource {uri}; resources: {ConfigUri}, {IncidentsUri}"),
    };

    private string Config()
    {
        var loaded = ConfigLoader.Load(configPath);
        if (loaded.Config is not { } config)
        {
            throw new InvalidOperationException($"{configPath} does not load:\n{string.Join('\n', loaded.Diagnostics.Where(d => !d.IsWarning))}");
        }

        return ConfigRenderer.Render(config, Aurora.Layout.DaemonEnvironment.ForServices());
    }

    private async Task<string> IncidentsAsync(CancellationToken ct)
    {
        using var history = JsonDocument.Parse(await client.GetRawAsync($"/api/v1/history?limit={RecentIncidents}", ct));
        return history.RootElement.GetProperty("incidents").GetRawText();
    }

    private static ReadResourceResult Contents(string uri, string mime, string text) =>
        new() { Contents = [new TextResourceContents { Uri = uri, MimeType = mime, Text = text }] };
}
