using System.Net;
using System.Security.Cryptography;
using System.Text;
using Aurora.Core.Config;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Dashboard;

/// Guards requests that arrive on the TCP listener; the unix socket is left alone (its 0600 mode is the
/// guard). Every request must name an accepted Host (DashboardHosts: DNS rebinding). Only the
/// dashboard's own assets are public: they hold no data until the page has the token; and, on a loopback
/// listener only, the routes the router marks public (GET /metrics with `metrics.public`). Everything else
/// needs `Authorization: Bearer TOKEN` (a WebSocket may pass `?token=`, since browsers cannot set headers
/// on one). There is no cookie, so a foreign page cannot ride on a session (no CSRF), and a WebSocket
/// upgrade from a foreign Origin is refused outright.
internal sealed class DashboardGuard(DashboardConfig dashboard, string token, Router? router = null)
{
    private readonly byte[] _token = Encoding.ASCII.GetBytes(token);
    private readonly DashboardHosts _hosts = new(dashboard);

    // The config refuses metrics.public beside a listener that is not loopback; a reload cannot move the
    // listener (that takes a daemon restart), so this guards the listener actually bound.
    private readonly bool _loopback = dashboard.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(dashboard.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// False when the request was refused (and answered) here.
    public async Task<bool> AdmitAsync(HttpExchange x)
    {
        x.SetHeader("X-Content-Type-Options", "nosniff");
        x.SetHeader("Referrer-Policy", "no-referrer");
        if (!_hosts.Accepts(x.Request.Header("Host")))
        {
            await x.ErrorAsync(403, "forbidden_host",
                $"Host \"{x.Request.Header("Host")}\" is not a name of this dashboard; reach it by IP address, localhost or {dashboard.Host}, or add the name to dashboard.hosts in aurora.yaml");
            return false;
        }

        if (DashboardAssets.IsAsset(x.Request) || (_loopback && router?.IsPublic(x.Request) == true))
        {
            return true;
        }

        var isWebSocket = x.Request.IsWebSocketUpgrade;
        if (isWebSocket && !OriginIsAllowed(x.Request))
        {
            await x.ErrorAsync(403, "forbidden_origin", "WebSocket upgrades are accepted only from the dashboard's own origin");
            return false;
        }

        if (!HasToken(x.Request, isWebSocket))
        {
            x.SetHeader("WWW-Authenticate", "Bearer");
            await x.ErrorAsync(401, "unauthorized",
                "send Authorization: Bearer TOKEN; the token is in .aurora/token, and aurora dashboard prints a link that carries it");
            return false;
        }

        x.MarkAuthenticated();
        x.SetHeader("Cache-Control", "no-store");
        return true;
    }

    /// The exact bytes sent, compared in constant time: nothing is trimmed or normalised (a trim of
    /// Unicode white space once turned "Bearer \xa0" into an empty token). The header's own
    /// surrounding spaces and tabs are not part of its value (RFC 9110 §5.5).
    private bool HasToken(HttpRequest request, bool isWebSocket)
    {
        var header = request.Header("Authorization") ?? "";
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Matches(Encoding.Latin1.GetBytes(header["Bearer ".Length..].TrimStart(' ')));
        }

        return isWebSocket && request.Query("token") is { Length: > 0 } query && Matches(Encoding.UTF8.GetBytes(query));
    }

    private bool Matches(byte[] candidate) =>
        _token.Length > 0 && CryptographicOperations.FixedTimeEquals(candidate, _token);

    /// No Origin (a non-browser client such as the CLI) is fine: the token still decides. A browser
    /// always sends one, and it must be the dashboard itself: its configured host, a loopback name
    /// for the same port, or (with allow_remote) the host the browser addressed.
    private bool OriginIsAllowed(HttpRequest request)
    {
        var origin = request.Header("Origin") ?? "";
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
            || (dashboard.AllowRemote && uri.Authority.Equals(request.Header("Host"), StringComparison.OrdinalIgnoreCase));
    }
}
