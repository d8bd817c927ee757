using Aurora.Contracts.V1;
using Aurora.Core.Logs;
using Aurora.Core.Supervision;
using Aurora.Daemon.Hosting;
using Aurora.Daemon.Http;
using Aurora.Daemon.Resources;

namespace Aurora.Daemon.Api;

internal static class ServiceRoutes
{
    public static void Map(Router router, AuroraRuntime rt)
    {
        var usage = new UsageTracker(rt.Time);
        const string services = ApiRoutes.Prefix + "/services";

        // The committed view: exactly the state as of Seq, so a client that follows the stream from Seq sees
        // every later change once (never one it already has, never a gap).
        router.Get(services, x =>
        {
            var committed = rt.States.Committed;
            var snapshots = rt.Orchestrator.Graph.StartOrder.Select(committed.Services.GetValueOrDefault).OfType<ServiceSnapshot>().ToList();
            var groups = snapshots.Where(s => s.Pid is not null).Select(s => s.Pid!.Value).ToHashSet();
            var sampled = usage.Sample(groups);
            var now = rt.Time.GetUtcNow();
            var rows = snapshots.Select(s => DtoMapper.ToDto(s, now, Usage(sampled, s))).ToList();
            return x.JsonAsync(new ServiceListDto(committed.Seq, rows), AuroraJsonContext.Default.ServiceListDto);
        });

        router.Get(services + "/{name}", x =>
        {
            if (rt.Orchestrator.Find(x.Route("name")) is not { } s)
            {
                return NotFound(x, rt);
            }

            var snap = s.Snapshot;
            var sampled = usage.Sample(snap.Pid is { } pid ? new HashSet<int> { pid } : []);
            var row = DtoMapper.ToDto(snap, rt.Time.GetUtcNow(), Usage(sampled, snap));
            return x.JsonAsync(DtoMapper.ToDetail(row, s.Config, rt.Log(s.Name)!.FilePath), AuroraJsonContext.Default.ServiceDetailDto);
        });

        router.Post(services + "/{name}/{action}", async x =>
        {
            if (rt.Orchestrator.Find(x.Route("name")) is not { } s)
            {
                await NotFound(x, rt);
                return;
            }

            var action = x.Route("action");
            Task? work = action switch
            {
                "start" => s.StartAsync(),
                "stop" => s.StopAsync(),
                "restart" => s.RestartAsync(),
                _ => null,
            };
            if (work is null)
            {
                await x.ErrorAsync(404, "unknown_action", $"unknown action '{action}'; use start, stop or restart");
                return;
            }

            await work;
            await x.JsonAsync(DtoMapper.ToDto(s.Snapshot, rt.Time.GetUtcNow(), null), AuroraJsonContext.Default.ServiceDto);
        });

        router.Get(services + "/{name}/logs", x => LogsAsync(x, rt));
    }

    private static async Task LogsAsync(HttpExchange x, AuroraRuntime rt)
    {
        var name = x.Route("name");
        if (rt.Log(name) is not { } log)
        {
            await NotFound(x, rt);
            return;
        }

        var n = Math.Clamp(x.Request.QueryInt("tail") ?? 100, 0, 100_000);
        if (x.Request.QueryBool("follow") != true)
        {
            await x.JsonAsync(new LogsDto(name, log.Tail(n)), AuroraJsonContext.Default.LogsDto);
            return;
        }

        // Follow: plain text, one line per line, sent as lines arrive, until the client goes away.
        using var subscription = log.Follow(n);
        var body = await x.StartStreamAsync("text/plain; charset=utf-8");
        await using var writer = new StreamWriter(body, leaveOpen: true);
        var ct = x.Aborted;
        try
        {
            foreach (var line in subscription.Backlog)
            {
                await writer.WriteAsync(line + "\n");
            }

            await writer.FlushAsync(ct);
            while (await subscription.Lines.WaitToReadAsync(ct))
            {
                while (subscription.Lines.TryRead(out var line))
                {
                    await writer.WriteAsync(line + "\n");
                }

                await writer.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (LogFollowerOverflowException)
        {
            await writer.WriteAsync("[aurora] follower fell behind; run `aurora logs -f` again\n");
            await writer.FlushAsync(CancellationToken.None);
        }
    }

    private static (double, long)? Usage(IReadOnlyDictionary<int, (double CpuPercent, long RssBytes)> sampled, ServiceSnapshot s) =>
        s.Pid is { } pid && sampled.TryGetValue(pid, out var u) ? (u.CpuPercent, u.RssBytes) : null;

    private static Task NotFound(HttpExchange x, AuroraRuntime rt) => x.ErrorAsync(404, "service_not_found",
        $"no service named '{x.Route("name")}'; services: {string.Join(", ", rt.Config.Services.Select(s => s.Name))}");
}
