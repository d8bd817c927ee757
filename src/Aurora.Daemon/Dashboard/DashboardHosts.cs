using System.Net;
using Aurora.Core.Config;

namespace Aurora.Daemon.Dashboard;

/// The Host header names the TCP listener answers to. A DNS-rebinding page (evil.example, resolved to
/// 127.0.0.1 after it loaded) reaches the daemon with its own name in Host, so names are refused unless
/// they are the listen host, `localhost` or listed in `dashboard.hosts`. An IP address is always fine:
/// a browser that addressed the daemon by IP is on the daemon's own origin, no resolver involved.
internal sealed class DashboardHosts(DashboardConfig dashboard)
{
    private readonly HashSet<string> _names = new(
        dashboard.Hosts.Select(Bare).Append(Bare(dashboard.Host)).Append("localhost"),
        StringComparer.OrdinalIgnoreCase);

    /// `host` is the Host header: a name or address, with an optional port.
    public bool Accepts(string? host)
    {
        if (string.IsNullOrEmpty(host) || !Split(host, out var name))
        {
            return false;
        }

        return _names.Contains(name) || IPAddress.TryParse(name, out _);
    }

    // "name", "name:port", "1.2.3.4:port", "[::1]:port" -> the bare name or address; false when malformed.
    private static bool Split(string host, out string name)
    {
        var portStart = host.StartsWith('[') ? host.IndexOf("]", StringComparison.Ordinal) + 1 : host.LastIndexOf(':');
        if (portStart <= 0 || portStart == host.Length)
        {
            name = Bare(host);
            return !host.StartsWith('[') || host.EndsWith(']');
        }

        name = Bare(host[..portStart]);
        return host[portStart] == ':' && host.Length > portStart + 1 && host[(portStart + 1)..].All(char.IsAsciiDigit);
    }

    private static string Bare(string host) => host.Trim('[', ']');
}
