using System.Collections.Immutable;
using System.Net;

namespace Aurora.Core.Config.Reading;

/// `dashboard: { listen: "127.0.0.1:7070", allow_remote: false, hosts: [] }`; absent means no TCP listener.
/// `hosts` are the extra names a browser may use in the Host header (beyond IP addresses, `localhost` and
/// the listen host): any other name is refused, which defeats DNS rebinding.
internal static class DashboardReader
{
    public static readonly string[] Keys = ["listen", "allow_remote", "hosts"];

    private const string DefaultListen = "127.0.0.1:7070";

    public static DashboardConfig? Read(YamlMap root)
    {
        if (!root.Has("dashboard"))
        {
            return null;
        }

        var map = root.Map("dashboard", Keys);
        var allowRemote = map?.Bool("allow_remote", false) ?? false;
        var listen = map?.String("listen") ?? DefaultListen;
        var hosts = map is null ? [] : ReadHosts(map);
        if (!HostPort.TryParse(listen, out var host, out var port))
        {
            root.Bag.Error(map!.Get("listen")!.Start, map.PathOf("listen"),
                $"{YamlNodes.Quote(listen)} is not host:port; e.g. listen: \"{DefaultListen}\"");
            return null;
        }

        if (!allowRemote && !IsLoopback(host))
        {
            root.Bag.Error(map!.Get("listen")!.Start, map.PathOf("listen"),
                $"{YamlNodes.Quote(listen)} is not a loopback address; the dashboard listens on loopback only unless you set allow_remote: true (remote clients then need the bearer token in .aurora/token)");
        }

        return new DashboardConfig(host, port, allowRemote, hosts);
    }

    private static ImmutableArray<string> ReadHosts(YamlMap map)
    {
        var hosts = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, path) in map.List("hosts") ?? [])
        {
            if (ScalarReader.Text(node, path, map.Bag, "a host name") is not { } text)
            {
                continue;
            }

            if (!IsHostName(text))
            {
                map.Bag.Error(node.Start, path,
                    $"{YamlNodes.Quote(text)} is not a host name; give the name a browser uses for the dashboard, without scheme, port or path, e.g. hosts: [\"aurora.internal\"]");
                continue;
            }

            hosts.Add(text.ToLowerInvariant());
        }

        return hosts.ToImmutable();
    }

    /// A DNS name (RFC 1123 labels) or an IP address.
    private static bool IsHostName(string text) =>
        IPAddress.TryParse(text.Trim('[', ']'), out _) ||
        (text.Length <= 253 && text.Split('.').All(label =>
            label.Length is > 0 and <= 63 && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') &&
            label[0] != '-' && label[^1] != '-'));

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
