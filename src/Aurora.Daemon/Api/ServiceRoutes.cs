using Aurora.Contracts.V1;
using Aurora.Core.Forecasting;
using Aurora.Core.Supervision;
using Aurora.Daemon.Forecasting;
using Aurora.Daemon.Http;
using Aurora.Daemon.Resources;

namespace Aurora.Daemon.Api;

internal static class ServiceRoutes
{
    public static void Map(Router router, IServiceReader services, IServiceControl control, ResourceMonitor resources, Forecaster forecasts,
        TimeProvider time, Func<StoreHealthDto?> store)
    {
        const string prefix = ApiRoutes.Prefix + "/services";

        // The committed view: exactly the state as of Seq, so a client that follows the stream from Seq sees
        // every change once (never one it already has, never a gap). CPU and memory come from the sampler's
        // newest sample (see ResourceMonitor.Usage). While the store cannot write, the view is the live one
        // (ServiceStateStore.Committed) and the answer says why (Store).
        router.Get(prefix, x =>
        {
            var committed = services.Committed;
            var now = time.GetUtcNow();
            using var reader = new ProcTreeReader();
            var rows = services.Names.Select(committed.Services.GetValueOrDefault).OfType<ServiceSnapshot>()
                .Select(s => Row(s, now, resources.Usage(s, reader), forecasts, services.ConfigOf(s.Name))).ToList();
            return x.JsonAsync(new ServiceListDto(committed.Seq, rows, store()), AuroraJsonContext.Default.ServiceListDto);
        });

        router.Get(prefix + "/{name}", x =>
        {
            var name = x.Route("name");
            if (services.Current(name) is not { } snap || services.ConfigOf(name) is not { } config)
            {
                return NotFound(x, services);
            }

            var row = Row(snap, time.GetUtcNow(), resources.Usage(snap), forecasts, config);
            return x.JsonAsync(DtoMapper.ToDetail(row, config, services.LogOf(name)!.FilePath), AuroraJsonContext.Default.ServiceDetailDto);
        });

        router.Post(prefix + "/{name}/{action}", async x =>
        {
            if (x.Route("action") == "heal")
            {
                await HealAsync(x, services, control);
                return;
            }

            if (x.Route("action") == "scale")
            {
                await ScaleAsync(x, control, time);
                return;
            }

            var action = x.Route("action") switch
            {
                "start" => ServiceAction.Start,
                "stop" => ServiceAction.Stop,
                "restart" => ServiceAction.Restart,
                _ => (ServiceAction?)null,
            };
            if (action is null)
            {
                await x.ErrorAsync(404, "unknown_action", $"unknown action '{x.Route("action")}'; use start, stop, restart, heal or scale");
                return;
            }

            var after = await control.ActAsync(x.Route("name"), action.Value, RequestSource.Of(x));
            if (after.Count == 0)
            {
                await NotFound(x, services);
                return;
            }

            // One service: its row; the replicas of a service: every instance's row.
            var now = time.GetUtcNow();
            if (after.Count == 1 && after[0].Name == x.Route("name"))
            {
                await x.JsonAsync(DtoMapper.ToDto(after[0], now, null), AuroraJsonContext.Default.ServiceDto);
                return;
            }

            await x.JsonAsync(new ServiceRowsDto([.. after.Select(s => DtoMapper.ToDto(s, now, null))]), AuroraJsonContext.Default.ServiceRowsDto);
        });
    }

    /// POST /api/v1/services/{name}/scale {"replicas": N} (or ?replicas=N): the replica count until the next reload.
    private static async Task ScaleAsync(HttpExchange x, IServiceControl control, TimeProvider time)
    {
        var replicas = x.Request.QueryInt("replicas");
        if (replicas is null && !x.Request.Body.IsEmpty)
        {
            try
            {
                replicas = System.Text.Json.JsonSerializer.Deserialize(x.Request.Body.Span, AuroraJsonContext.Default.ScaleRequestDto)?.Replicas;
            }
            catch (System.Text.Json.JsonException)
            {
            }
        }

        if (replicas is null)
        {
            await x.ErrorAsync(400, "bad_parameter", "say how many: {\"replicas\": N}");
            return;
        }

        var outcome = await control.ScaleAsync(x.Route("name"), replicas.Value, RequestSource.Of(x), x.Aborted);
        if (outcome.Plan is not { } plan)
        {
            await x.ErrorAsync(400, "scale_refused", outcome.Error!);
            return;
        }

        await x.JsonAsync(new ScaleDto(x.Route("name"), replicas.Value, plan.Added, plan.Removed), AuroraJsonContext.Default.ScaleDto);
    }

    /// POST /api/v1/services/{name}/heal: diagnose now, run the fix path, answer with what was tried.
    private static async Task HealAsync(HttpExchange x, IServiceReader services, IServiceControl control)
    {
        if (await control.HealAsync(x.Route("name"), RequestSource.Of(x), x.Aborted) is not { } outcome)
        {
            await NotFound(x, services);
            return;
        }

        await x.JsonAsync(new HealDto(outcome.Service, outcome.Cause, outcome.Summary, outcome.IncidentId, outcome.Healed,
            [.. outcome.Fixes.Select(f => new HealFixDto(f.Fix, f.Outcome, f.Detail))]), AuroraJsonContext.Default.HealDto);
    }

    private static ServiceDto Row(ServiceSnapshot s, DateTimeOffset now, (double? Cpu, long? Memory) usage, Forecaster forecasts,
        Core.Config.ServiceConfig? config) =>
        DtoMapper.ToDto(s, now, null) with
        {
            CpuPercent = usage.Cpu,
            MemoryBytes = usage.Memory,
            Prediction = forecasts.Active(s.Name) is { } f ? PredictionRoutes.ToDto(f, now) : null,
            Limits = DtoMapper.ToDto(config?.Limits),
        };

    public static Task NotFound(HttpExchange x, IServiceReader services) => x.ErrorAsync(404, "service_not_found",
        $"no service named '{x.Route("name")}'; services: {string.Join(", ", services.Names)}");
}
