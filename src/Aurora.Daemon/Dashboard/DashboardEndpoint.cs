using System.Net;
using Aurora.Core.Config;
using Aurora.Daemon.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Aurora.Daemon.Dashboard;

/// The TCP side of the daemon (SPEC §3 `dashboard.listen`, §7): the same API as the unix socket, behind
/// the bearer token, plus the embedded web dashboard. Nothing here runs when `dashboard:` is absent.
public static class DashboardEndpoint
{
    public static void Configure(WebApplicationBuilder builder, AuroraConfig config, DaemonPaths paths)
    {
        if (config.Dashboard is not { } dashboard)
        {
            return;
        }

        builder.WebHost.ConfigureKestrel(k => Listen(k, dashboard));
        builder.Services.AddSingleton(new DashboardGuard(dashboard, TokenFile.Ensure(paths)));
    }

    public static void Map(WebApplication app)
    {
        if (app.Services.GetService<DashboardGuard>() is not { } guard)
        {
            return;
        }

        app.Use(guard.InvokeAsync);
        DashboardAssets.Map(app);
    }

    private static void Listen(KestrelServerOptions k, DashboardConfig dashboard)
    {
        if (IPAddress.TryParse(dashboard.Host, out var address))
        {
            k.Listen(address, dashboard.Port);
        }
        else if (dashboard.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            k.Listen(IPAddress.Loopback, dashboard.Port);
        }
        else
        {
            // A host name (allowed only with allow_remote): listen on what it resolves to.
            foreach (var resolved in Dns.GetHostAddresses(dashboard.Host))
            {
                k.Listen(resolved, dashboard.Port);
            }
        }
    }
}
