using System.Net;
using System.Security.Cryptography;
using System.Text;
using Aurora.Core.Config;
using Aurora.Daemon.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Aurora.Daemon.Dashboard;

/// Guards requests that arrive on the TCP listener; the unix socket is left alone (its 0600 mode is the
/// guard). Only the dashboard's own assets are public: they hold no data until the page has the token.
/// Everything else needs `Authorization: Bearer TOKEN` (a WebSocket may pass `?token=`, since browsers
/// cannot set headers on one). There is no cookie, so a foreign page cannot ride on a session (no CSRF),
/// and a WebSocket upgrade from a foreign Origin is refused outright.
internal sealed class DashboardGuard(DashboardConfig dashboard, string token)
{
    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    public Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        // Kestrel reports no local IP address for a unix-socket connection.
        if (http.Connection.LocalIpAddress is null)
        {
            return next(http);
        }

        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (DashboardAssets.IsAsset(http.Request))
        {
            return next(http);
        }

        var isWebSocket = http.WebSockets.IsWebSocketRequest;
        if (isWebSocket && !OriginIsAllowed(http.Request))
        {
            return Refuse(http, StatusCodes.Status403Forbidden, "forbidden_origin",
                "WebSocket upgrades are accepted only from the dashboard's own origin");
        }

        if (!HasToken(http.Request, isWebSocket))
        {
            http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            return Refuse(http, StatusCodes.Status401Unauthorized, "unauthorized",
                "send Authorization: Bearer TOKEN; the token is in .aurora/token, and aurora dashboard prints a link that carries it");
        }

        http.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return next(http);
    }

    private bool HasToken(HttpRequest request, bool isWebSocket)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Matches(header["Bearer ".Length..].Trim());
        }

        return isWebSocket && request.Query["token"].ToString() is { Length: > 0 } query && Matches(query);
    }

    private bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);

    /// No Origin (a non-browser client such as the CLI) is fine: the token still decides. A browser
    /// always sends one, and it must be the dashboard itself: its configured host, a loopback name
    /// for the same port, or (with allow_remote) the host the browser addressed.
    private bool OriginIsAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Port != dashboard.Port)
        {
            return false;
        }

        var host = uri.Host.Trim('[', ']');
        return host.Equals(dashboard.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address))
            || (dashboard.AllowRemote && uri.Authority.Equals(request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static Task Refuse(HttpContext http, int status, string code, string message) =>
        ApiRoutes.Error(status, code, message).ExecuteAsync(http);
}
