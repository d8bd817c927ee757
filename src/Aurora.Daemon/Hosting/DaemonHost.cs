using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Aurora.Core.Config;
using Aurora.Core.Processes.Holding;
using Aurora.Daemon.Api;
using Aurora.Daemon.Dashboard;
using Aurora.Daemon.Http;
using Aurora.Layout;
using Aurora.Store;

namespace Aurora.Daemon.Hosting;

/// Runs one daemon in this process: takes the project lock, serves the control API on
/// `.aurora/aurora.sock` (0600), supervises the stack until Ctrl-C, SIGTERM or `aurora down`.
public static partial class DaemonHost
{
    // Requests still running when the daemon has stopped its services get this long to finish.
    private static readonly TimeSpan RequestGrace = TimeSpan.FromSeconds(5);

    /// holderCommand: how to run the holder (`[aurora-holder]`, `[dotnet, aurora-holder.dll]` or this binary) so that the services are started by
    /// the project's holder (`… holder DIR`) and outlive this daemon; empty: they are this daemon's own children.
    /// Returns Replace when `aurora daemon restart` asked for a new daemon: the caller then re-executes the binary
    /// (DaemonReplacement), which adopts every service.
    public static async Task<DaemonOutcome> RunAsync(AuroraConfig config, Func<AuroraRuntime, CancellationToken, Task>? observer, CancellationToken ct,
        ImmutableArray<string> holderCommand = default)
    {
        var paths = new DaemonPaths(config.ProjectDirectory);
        using var daemonLock = DaemonLock.Acquire(paths);

        // Everything the daemon keeps (socket, token, logs, state, fix backups) lives in .aurora/, made private
        // to its user here, not by a umask of 077 for the whole process: services inherit the daemon's umask,
        // and theirs must be that of whoever ran `aurora up` (or their own `umask:`, set around the spawn).
        File.SetUnixFileMode(paths.StateDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        TokenFile.Ensure(paths);
        if (File.Exists(paths.Socket))
        {
            File.Delete(paths.Socket);
        }

        // One SQLite file keeps both the event log and the failure memory: the store plays both roles.
        var store = new SqliteEventStore(paths.StateDb, config.Store, TimeProvider.System);
        var holder = holderCommand.IsDefaultOrEmpty ? null
            : new HolderConnection(new HolderFiles(paths.StateDirectory), holderCommand, HolderEnvironment.Build(), TimeProvider.System);
        await using var runtime = new AuroraRuntime(config, paths, TimeProvider.System, store, store, store, holder);
        StoreOutageReport.Attach(store, runtime.Events);
        await using var trimmer = HeapTrimmer.ForThisProcess(TimeProvider.System);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var stop = () =>
        {
            try
            {
                stopping.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        };

        var replacing = false;
        Action? replace = holder is null ? null : () =>
        {
            replacing = true;
            stop();
        };
        var server = Build(runtime, paths, config, stop, replace, stopping.Token);
        runtime.Watches.Apply(runtime.Config); // before the API answers: `up -d` returns then (see AuroraRuntime.StartAsync)
        server.Start();
        File.SetUnixFileMode(paths.Socket, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // SIGTERM, SIGINT and SIGQUIT stop the daemon gracefully (services in reverse dependency order);
        // SIGHUP reloads the config, as for most daemons, with the outcome on the event stream.
        var signals = new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT }
            .Select(s => PosixSignalRegistration.Create(s, context =>
            {
                context.Cancel = true;
                stop();
            }))
            .Append(PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                _ = runtime.Reloader.ReloadAsync(dryRun: false, CancellationToken.None);
            }))
            .ToList();
        using var observing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var observe = Task.CompletedTask;
        try
        {
            await runtime.StartAsync();
            await using var systemd = SystemdSession.Start(runtime); // STOPPING=1 as this block ends, before the services stop
            observe = observer?.Invoke(runtime, observing.Token) ?? Task.CompletedTask;
            await Task.Delay(Timeout.InfiniteTimeSpan, runtime.Time, stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (replacing)
            {
                systemd?.HandOver();
            }
        }
        finally
        {
            stop();
            if (replacing)
            {
                // Clients see the socket go now (and reconnect to the next daemon); the services are let go, not stopped.
                await server.StopAsync(RequestGrace);
                await runtime.DetachAsync();
            }
            else
            {
                // The API keeps answering (status during a slow stop) until the services are down.
                await runtime.StopAllAsync();
                await server.StopAsync(RequestGrace);
            }

            await runtime.FlushOrSayAsync(CancellationToken.None);
            await observing.CancelAsync();
            await observe.ContinueWith(_ => { }, TaskScheduler.Default);
            signals.ForEach(s => s.Dispose());
        }

        return replacing ? DaemonOutcome.Replace : DaemonOutcome.Stopped;
    }

    private static HttpServer Build(AuroraRuntime runtime, DaemonPaths paths, AuroraConfig config, Action stop, Action? replace, CancellationToken stopping)
    {
        var router = new Router();
        var server = new HttpServer(router, runtime.Time, stopping);
        try
        {
            server.ListenUnix(paths.Socket);
            server.TcpGuard = DashboardEndpoint.Configure(server, router, config, paths) is { } guard ? guard.AdmitAsync : null;
        }
        catch
        {
            // The dashboard's port is taken, say: nothing stays bound.
            server.CloseListeners();
            throw;
        }

        ApiRoutes.Map(router, runtime, stop, replace);
        return server;
    }
}
