using System.Net;

namespace Aurora.Core.Config.Reading;

/// `dashboard: { listen: "127.0.0.1:7070", allow_remote: false }`; absent means no TCP listener.
internal static class DashboardReader
{
    public static readonly string[] Keys = ["listen", "allow_remote"];

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

        return new DashboardConfig(host, port, allowRemote);
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
