using Aurora.Contracts.V1;
using Aurora.Daemon.Hosting;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Api;

/// SPEC §7 control API. The same routes serve the unix socket and the token-guarded TCP listener.
internal static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    /// `stopDaemon` ends the daemon; /shutdown calls it once its answer has been sent.
    /// Each route group gets what it reads and what it may do, not the whole runtime.
    /// `replaceDaemon` (null when the daemon has no holder) re-executes it once `/daemon/restart` has answered.
    public static void Map(Router router, AuroraRuntime rt, Action stopDaemon, Action? replaceDaemon = null)
    {
        IDaemonLifecycle daemon = rt;
        router.Get("/healthz", x => x.JsonAsync(
            new HealthzDto("ok", Environment.ProcessId, daemon.ProjectDirectory, Version,
                (long)(daemon.Time.GetUtcNow() - daemon.StartedAt).TotalMilliseconds, rt.Config.Files),
            AuroraJsonContext.Default.HealthzDto));

        ServiceRoutes.Map(router, rt, rt, rt.Resources, rt.Time);
        LogRoutes.Map(router, rt);
        EventRoutes.Map(router, rt.Events, rt.Resources.Feed, rt.Time);
        ResourceRoutes.Map(router, rt.Resources, rt.Time);
        ReloadRoutes.Map(router, rt.Reloader);
        HistoryRoutes.Map(router, rt.Memory?.Store, rt.Time);
        DoctorRoutes.Map(router, () => rt.Config);
        IncidentRoutes.Map(router, rt.Memory?.Store);
        AskRoutes.Map(router, new Asker(rt, rt, rt.Reloader, rt.Memory?.Store, new LoopbackApi(rt.Paths.Socket, Asker.Source), rt.Time));
        router.Post(Prefix + "/shutdown", x => ShutdownAsync(x, daemon, stopDaemon));
        DaemonRestartRoute.Map(router, rt, replaceDaemon);
        router.Fallback(Prefix, x => x.ErrorAsync(404, "not_found", "no such API route; see SPEC §7"));
    }

    public static string Version { get; } =
        typeof(ApiRoutes).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static async Task ShutdownAsync(HttpExchange x, IDaemonLifecycle daemon, Action stopDaemon)
    {
        var errors = await daemon.StopServicesAsync(x.Aborted);
        x.OnCompleted(stopDaemon);
        await x.JsonAsync(new ShutdownDto(daemon.ServiceCount, errors), AuroraJsonContext.Default.ShutdownDto);
    }
}
