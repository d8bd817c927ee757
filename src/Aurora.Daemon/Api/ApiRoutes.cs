using Aurora.Contracts.V1;
using Aurora.Core.Insights;
using Aurora.Daemon.Forecasting;
using Aurora.Daemon.Hosting;
using Aurora.Daemon.Http;
using Aurora.Daemon.Metrics;

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
                (long)(daemon.Time.GetUtcNow() - daemon.StartedAt).TotalMilliseconds, rt.Config.Files, StoreHealth.Of(rt.Events.Store)),
            AuroraJsonContext.Default.HealthzDto));

        ServiceRoutes.Map(router, rt, rt, rt.Resources, rt.Forecasts.Forecaster, rt.Time, () => StoreHealth.Of(rt.Events.Store));
        LogRoutes.Map(router, rt);
        var streamClients = new StreamClients();
        EventRoutes.Map(router, rt.Events, rt.Resources.Feed, streamClients, rt.Time);
        ResourceRoutes.Map(router, rt.Resources, rt.Time);
        PredictionRoutes.Map(router, rt.Forecasts.Forecaster, rt.Time);
        ReloadRoutes.Map(router, rt.Reloader);
        HistoryRoutes.Map(router, rt.Memory?.Store, rt.Time);
        DoctorRoutes.Map(router, () => rt.Config);
        InsightRoutes.Map(router, new InsightSource(rt.Events.Store, () => rt.Events.LastCommittedSeq, rt.Memory?.Store, rt.Resources.History, rt.Time),
            new InsightApplier(new InsightApplySetup(rt.Events, rt.States, rt.Time, rt.Paths.ProjectDirectory, rt.Paths.Backups, ct => ReloadForInsightAsync(rt, ct),
                name => rt.Orchestrator.Find(name)?.StartAsync(manual: true, InsightApplier.Source) ?? Task.CompletedTask)),
            () => rt.Config);
        IncidentRoutes.Map(router, rt.Memory?.Store);
        AskRoutes.Map(router, new Asker(rt, rt, rt.Reloader, rt.Memory?.Store, new LoopbackApi(rt.Paths.Socket, Asker.Source), rt.Time,
            replaceDaemon));
        router.Post(Prefix + "/shutdown", x => ShutdownAsync(x, daemon, stopDaemon));
        MapMetrics(router, rt, streamClients);
        DaemonRestartRoute.Map(router, rt, replaceDaemon);
        router.Fallback(Prefix, x => x.ErrorAsync(404, "not_found", "no such API route; see SPEC §7"));
    }

    /// The counters follow the stream from this daemon's boot seq until the event log is disposed with the
    /// runtime, which ends every watcher.
    private static void MapMetrics(Router router, AuroraRuntime rt, StreamClients streamClients)
    {
        var counters = new EventCounters();
        _ = counters.FollowAsync(rt.Events, rt.BootSeq, CancellationToken.None);
        var sources = new MetricsSources(() => rt.States.All.Values, () => rt.Config, () => rt.Resources.Ring, rt.Resources.CpuTotals,
            () => rt.Memory?.Tracker.Open ?? [], counters, () => rt.Events.LastCommittedSeq - rt.BootSeq, streamClients,
            rt.Paths.StateDb, rt.StartedAt);
        MetricsRoutes.Map(router, new DaemonMetrics(sources), () => rt.Config.Metrics.Public);
    }

    public static string Version { get; } =
        typeof(ApiRoutes).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static async Task<InsightReload> ReloadForInsightAsync(AuroraRuntime rt, CancellationToken ct)
    {
        var outcome = await rt.Reloader.ReloadAsync(dryRun: false, ct);
        return new InsightReload(outcome.Plan is null ? null : rt.Config, outcome.Plan?.Restarted.Select(c => c.Service).ToList() ?? [], outcome.Errors);
    }

    private static async Task ShutdownAsync(HttpExchange x, IDaemonLifecycle daemon, Action stopDaemon)
    {
        var errors = await daemon.StopServicesAsync(x.Aborted);
        x.OnCompleted(stopDaemon);
        await x.JsonAsync(new ShutdownDto(daemon.ServiceCount, errors), AuroraJsonContext.Default.ShutdownDto);
    }
}
