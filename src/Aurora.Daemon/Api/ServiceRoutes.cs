using Aurora.Contracts.V1;
using Aurora.Core.Supervision;
using Aurora.Daemon.Http;
using Aurora.Daemon.Resources;

namespace Aurora.Daemon.Api;

internal static class ServiceRoutes
{
    public static void Map(Router router, IServiceReader services, IServiceControl control, ResourceMonitor resources, TimeProvider time)
    {
        const string prefix = ApiRoutes.Prefix + "/services";

        // The committed view: exactly the state as of Seq, so a client that follows the stream from Seq sees
        // every change once (never one it already has, never a gap). CPU and memory come from the sampler's
        // newest sample (see ResourceMonitor.Usage).
        router.Get(prefix, x =>
        {
            var committed = services.Committed;
            var now = time.GetUtcNow();
            using var reader = new ProcTreeReader();
            var rows = services.Names.Select(committed.Services.GetValueOrDefault).OfType<ServiceSnapshot>()
                .Select(s => Row(s, now, resources.Usage(s, reader))).ToList();
            return x.JsonAsync(new ServiceListDto(committed.Seq, rows), AuroraJsonContext.Default.ServiceListDto);
        });

        router.Get(prefix + "/{name}", x =>
        {
            var name = x.Route("name");
            if (services.Current(name) is not { } snap || services.ConfigOf(name) is not { } config)
            {
                return NotFound(x, services);
            }

            var row = Row(snap, time.GetUtcNow(), resources.Usage(snap));
            return x.JsonAsync(DtoMapper.ToDetail(row, config, services.LogOf(name)!.FilePath), AuroraJsonContext.Default.ServiceDetailDto);
        });

        router.Post(prefix + "/{name}/{action}", async x =>
        {
            var action = x.Route("action") switch
            {
                "start" => ServiceAction.Start,
                "stop" => ServiceAction.Stop,
                "restart" => ServiceAction.Restart,
                _ => (ServiceAction?)null,
            };
            if (action is null)
            {
                await x.ErrorAsync(404, "unknown_action", $"unknown action '{x.Route("action")}'; use start, stop or restart");
                return;
            }

            if (await control.ActAsync(x.Route("name"), action.Value) is not { } after)
            {
                await NotFound(x, services);
                return;
            }

            await x.JsonAsync(DtoMapper.ToDto(after, time.GetUtcNow(), null), AuroraJsonContext.Default.ServiceDto);
        });
    }

    private static ServiceDto Row(ServiceSnapshot s, DateTimeOffset now, (double? Cpu, long? Memory) usage) =>
        DtoMapper.ToDto(s, now, null) with { CpuPercent = usage.Cpu, MemoryBytes = usage.Memory };

    public static Task NotFound(HttpExchange x, IServiceReader services) => x.ErrorAsync(404, "service_not_found",
        $"no service named '{x.Route("name")}'; services: {string.Join(", ", services.Names)}");
}
