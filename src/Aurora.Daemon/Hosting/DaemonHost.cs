using System.Runtime.InteropServices;
using Aurora.Contracts.V1;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Daemon.Api;
using Aurora.Daemon.Dashboard;
using Aurora.Daemon.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aurora.Daemon.Hosting;

/// Runs one daemon in this process: takes the project lock, serves the control API on
/// `.aurora/aurora.sock` (0600), supervises the stack until Ctrl-C, SIGTERM or `aurora down`.
public static partial class DaemonHost
{
    public static async Task RunAsync(AuroraConfig config, Func<AuroraRuntime, CancellationToken, Task>? observer, CancellationToken ct)
    {
        var paths = new DaemonPaths(config.ProjectDirectory);
        using var daemonLock = DaemonLock.Acquire(paths);

        // Everything the daemon creates (socket, token, logs, state) is private to its user.
        _ = Umask(0b000_111_111);
        TokenFile.Ensure(paths);
        if (File.Exists(paths.Socket))
        {
            File.Delete(paths.Socket);
        }

        await using var runtime = new AuroraRuntime(config, paths, TimeProvider.System,
            new SqliteEventStore(paths.StateDb, config.Store, TimeProvider.System));
        var app = Build(runtime, paths, config);
        await app.StartAsync(ct);
        File.SetUnixFileMode(paths.Socket, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // SIGHUP reloads the config, as for most daemons; the outcome goes to the event stream.
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            _ = runtime.Reloader.ReloadAsync(dryRun: false, CancellationToken.None);
        });
        using var observing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var observe = observer?.Invoke(runtime, observing.Token) ?? Task.CompletedTask;
        try
        {
            await app.WaitForShutdownAsync(ct);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await runtime.Events.FlushAsync(CancellationToken.None);
            await observing.CancelAsync();
            await observe.ContinueWith(_ => { }, TaskScheduler.Default);
            await app.DisposeAsync();
        }
    }

    private static WebApplication Build(AuroraRuntime runtime, DaemonPaths paths, AuroraConfig config)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = paths.ProjectDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(paths.Socket));
        DashboardEndpoint.Configure(builder, config, paths);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AuroraJsonContext.Default));
        var longestStop = config.Services.Select(s => s.Stop.Timeout).DefaultIfEmpty(TimeSpan.Zero).Max();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = longestStop + TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(runtime);
        builder.Services.AddHostedService<SupervisorService>();

        var app = builder.Build();
        StoppingAbortsRequests.Use(app);
        app.UseWebSockets();
        DashboardEndpoint.Map(app);
        ApiRoutes.Map(app);
        return app;
    }

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint Umask(uint mask);
}
