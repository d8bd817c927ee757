using System.Net;
using System.Net.Sockets;
using Aurora.Core.Config;

namespace Aurora.Layout;

/// The link `aurora up` and `aurora dashboard` print: the token rides in the URL fragment, which a
/// browser never sends to the server; the page moves it to sessionStorage and drops it from the URL.
public static class DashboardLink
{
    /// Null when no dashboard is configured or no daemon has made a token yet.
    public static string? Read(AuroraConfig config, DaemonPaths paths)
    {
        if (config.Dashboard is not { } dashboard || !File.Exists(paths.Token))
        {
            return null;
        }

        var token = File.ReadAllText(paths.Token).Trim();
        return token.Length == 0 ? null : For(dashboard, token);
    }

    public static string For(DashboardConfig dashboard, string token) =>
        $"http://{BrowsableHost(dashboard.Host)}:{dashboard.Port}/#token={Uri.EscapeDataString(token)}";

    /// A wildcard address is not something to browse to: point at loopback instead.
    private static string BrowsableHost(string host)
    {
        if (!IPAddress.TryParse(host, out var address))
        {
            return host;
        }

        if (address.Equals(IPAddress.Any))
        {
            return "127.0.0.1";
        }

        if (address.Equals(IPAddress.IPv6Any))
        {
            return "[::1]";
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
    }
}
