using Aurora.Contracts.V1;
using Aurora.Daemon.Hosting;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Api;

/// SPEC §7 control API. The same routes serve the unix socket and the token-guarded TCP listener.
internal static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    /// `stopDaemon` ends the daemon; /shutdown calls it once its answer has been sent.
    public static void Map(Router router, AuroraRuntime rt, Action stopDaemon)
    {
        router.Get("/healthz", x => x.JsonAsync(
            new HealthzDto("ok", Environment.ProcessId, rt.Paths.ProjectDirectory, Version,
                (long)(rt.Time.GetUtcNow() - rt.StartedAt).TotalMilliseconds),
            AuroraJsonContext.Default.HealthzDto));

        ServiceRoutes.Map(router, rt);
        EventRoutes.Map(router, rt);
        ReloadRoutes.Map(router, rt);
        HistoryRoutes.Map(router, rt);
        DoctorRoutes.Map(router, rt);
        router.Post(Prefix + "/shutdown", x => ShutdownAsync(x, rt, stopDaemon));
        router.Fallback(Prefix, x => x.ErrorAsync(404, "not_found", "no such API route; see SPEC §7"));
    }

    public static string Version { get; } =
        typeof(ApiRoutes).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static async Task ShutdownAsync(HttpExchange x, AuroraRuntime rt, Action stopDaemon)
    {
        var errors = new List<string>();
        try
        {
            await rt.StopAllAsync();
        }
        catch (AggregateException ex)
        {
            errors.AddRange(ex.InnerExceptions.Select(e => e.Message));
        }

        await rt.Events.FlushAsync(x.Aborted);
        x.OnCompleted(stopDaemon);
        await x.JsonAsync(new ShutdownDto(rt.Config.Services.Length, errors), AuroraJsonContext.Default.ShutdownDto);
    }
}
