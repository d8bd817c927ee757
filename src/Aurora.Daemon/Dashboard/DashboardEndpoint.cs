using System.Net;
using Aurora.Core.Config;
using Aurora.Daemon.Hosting;
using Aurora.Daemon.Http;
using Aurora.Layout;

namespace Aurora.Daemon.Dashboard;

/// The TCP side of the daemon (SPEC §3 `dashboard.listen`, §7): the same API as the unix socket, behind
/// the bearer token, plus the embedded web dashboard. Nothing here runs when `dashboard:` is absent.
internal static class DashboardEndpoint
{
    /// The guard for TCP requests, or null without a dashboard.
    public static DashboardGuard? Configure(HttpServer server, Router router, AuroraConfig config, DaemonPaths paths)
    {
        if (config.Dashboard is not { } dashboard)
        {
            return null;
        }

        foreach (var address in Addresses(dashboard))
        {
            server.ListenTcp(address, dashboard.Port);
        }

        DashboardAssets.Map(router);
        return new DashboardGuard(dashboard, TokenFile.Ensure(paths), router);
    }

    private static IEnumerable<IPAddress> Addresses(DashboardConfig dashboard)
    {
        if (IPAddress.TryParse(dashboard.Host.Trim('[', ']'), out var address))
        {
            return [address];
        }

        // "localhost" means loopback without asking a resolver; any other name (allowed only with
        // allow_remote) listens on what it resolves to.
        return dashboard.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            ? [IPAddress.Loopback]
            : Dns.GetHostAddresses(dashboard.Host);
    }
}
