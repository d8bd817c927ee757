using Aurora.Daemon.Http;

namespace Aurora.Daemon.Api;

/// SPEC §5: an event caused by a request names who asked in data.source. Clients say who they are in
/// `X-Aurora-Source` (the CLI `cli`, the dashboard `dashboard`, …); anything else is `api`.
internal static class RequestSource
{
    private static readonly HashSet<string> Known = ["cli", "api", "dashboard", "ask", "mcp", "insights", "vscode"];

    public static string Of(HttpExchange x) =>
        x.Request.Header("X-Aurora-Source") is { } s && Known.Contains(s.Trim().ToLowerInvariant()) ? s.Trim().ToLowerInvariant() : "api";
}
