using System.Text;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Contracts.V1;
using Aurora.Core.Ask;
using ModelContextProtocol.Protocol;

namespace Aurora.Cli.Mcp;

/// Carries out a tool call over the control API, as source "mcp". A state-changing tool without
/// `confirm: true` is refused (an error result saying what it would do); output is bounded.
internal sealed class McpToolCalls(ControlClient client)
{
    public async ValueTask<CallToolResult> CallAsync(string tool, IDictionary<string, JsonElement> args, CancellationToken ct)
    {
        try
        {
            if (McpToolList.IsAction(tool) && tool != "ask" && !Bool(args, "confirm"))
            {
                return Error($"refused: {tool} changes state and acts only with confirm: true; it would {Would(tool, args)}");
            }

            return tool switch
            {
                "status" => Text(await client.GetRawAsync(Str(args, "service") is { } one ? $"/api/v1/services/{Esc(one)}" : "/api/v1/services", ct)),
                "logs" => await LogsAsync(args, ct),
                "history" => Text(await client.GetRawAsync(HistoryPath(args), ct)),
                "incident" => Text(await client.GetRawAsync($"/api/v1/incidents/{Esc(Required(args, "id"))}", ct)),
                "ask" => await AskAsync(args, ct),
                "start" or "stop" or "restart" or "heal" => Text(await PostAsync($"/api/v1/services/{Esc(Required(args, "service"))}/{tool}", ct)),
                "reload" => Text(await PostAsync("/api/v1/reload", ct)),
                _ => Error($"no tool named {tool}; tools: {string.Join(", ", McpToolList.All.Select(t => t.Name))}"),
            };
        }
        catch (ArgumentException ex)
        {
            return Error(ex.Message);
        }
        catch (ApiException ex)
        {
            return Error($"{ex.Message}{(ex.Details.Count > 0 ? "\n" + string.Join('\n', ex.Details) : "")} (HTTP {ex.Status}, {ex.Code})");
        }
        catch (DaemonNotRunningException ex)
        {
            return Error(ex.Message);
        }
    }

    private async Task<CallToolResult> LogsAsync(IDictionary<string, JsonElement> args, CancellationToken ct)
    {
        var service = Required(args, "service");
        var n = Math.Clamp(Int(args, "lines") ?? 100, 1, McpToolList.MaxLogLines);
        var errorsOnly = Bool(args, "errors_only");
        var logs = await client.GetAsync($"/api/v1/services/{Esc(service)}/logs?tail={(errorsOnly ? 5000 : n)}", AuroraJsonContext.Default.LogsDto, ct);
        var lines = (errorsOnly ? logs.Lines.Where(ErrorLines.IsError) : logs.Lines).TakeLast(n).ToList();
        return Text(lines.Count == 0 ? $"{service}: no {(errorsOnly ? "error " : "")}lines" : string.Join('\n', lines));
    }

    private async Task<CallToolResult> AskAsync(IDictionary<string, JsonElement> args, CancellationToken ct)
    {
        var answer = await client.PostJsonAsync("/api/v1/ask", new AskRequestDto(Required(args, "text"), Bool(args, "confirm")),
            AuroraJsonContext.Default.AskRequestDto, AuroraJsonContext.Default.AskDto, ct);
        var text = !answer.Understood ? $"{answer.Message}; closest: {string.Join(" · ", answer.Closest.Select(c => c.Example))}"
            : answer.NeedsConfirm ? $"plan: {answer.Plan}\nnothing was done: call again with confirm: true to act"
            : answer.Result?.Text ?? "";
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = text }, new TextContentBlock { Text = JsonSerializer.Serialize(answer, AuroraJsonContext.Default.AskDto) }],
            IsError = !answer.Understood || answer.Result?.Ok == false,
        };
    }

    private async Task<string> PostAsync(string path, CancellationToken ct)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, path), ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    private static string HistoryPath(IDictionary<string, JsonElement> args)
    {
        var path = new StringBuilder("/api/v1/history?limit=").Append(Math.Clamp(Int(args, "limit") ?? 20, 1, McpToolList.MaxHistory));
        foreach (var (name, param) in new[] { ("query", "q"), ("service", "service"), ("cause", "cause"), ("since", "since") })
        {
            if (Str(args, name) is { } value)
            {
                path.Append('&').Append(param).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return path.ToString();
    }

    private static string Would(string tool, IDictionary<string, JsonElement> args) =>
        tool == "reload" ? "re-read aurora.yaml and apply it" : $"{tool} {Str(args, "service") ?? "(no service given)"}";

    private static string Esc(string s) => Uri.EscapeDataString(s);

    private static string? Str(IDictionary<string, JsonElement> args, string name) =>
        args.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;

    private static string Required(IDictionary<string, JsonElement> args, string name) =>
        Str(args, name) ?? throw new ArgumentException($"the argument \"{name}\" is required");

    private static bool Bool(IDictionary<string, JsonElement> args, string name) =>
        args.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static int? Int(IDictionary<string, JsonElement> args, string name) =>
        args.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    private static CallToolResult Text(string text) => new() { Content = [new TextContentBlock { Text = text }] };

    private static CallToolResult Error(string text) => new() { Content = [new TextContentBlock { Text = text }], IsError = true };
}
