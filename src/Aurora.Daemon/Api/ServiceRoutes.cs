using Aurora.Contracts.V1;
using Aurora.Core.Logs;
using Aurora.Core.Supervision;
using Aurora.Daemon.Hosting;
using Aurora.Daemon.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Aurora.Daemon.Api;

internal static class ServiceRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        var usage = new UsageTracker(TimeProvider.System);

        api.MapGet("/services", (AuroraRuntime rt) =>
        {
            var services = rt.Orchestrator.Services.Select(s => s.Snapshot).ToList();
            var groups = services.Where(s => s.Pid is not null).Select(s => s.Pid!.Value).ToHashSet();
            var sampled = usage.Sample(groups);
            var now = rt.Time.GetUtcNow();
            var rows = services.Select(s => DtoMapper.ToDto(s, now, Usage(sampled, s))).ToList();
            return Results.Json(new ServiceListDto(rows), AuroraJsonContext.Default.ServiceListDto);
        });

        api.MapGet("/services/{name}", (string name, AuroraRuntime rt) =>
        {
            if (rt.Orchestrator.Find(name) is not { } s)
            {
                return NotFound(name, rt);
            }

            var snap = s.Snapshot;
            var sampled = usage.Sample(snap.Pid is { } pid ? new HashSet<int> { pid } : []);
            var row = DtoMapper.ToDto(snap, rt.Time.GetUtcNow(), Usage(sampled, snap));
            return Results.Json(DtoMapper.ToDetail(row, s.Config, rt.Log(name)!.FilePath), AuroraJsonContext.Default.ServiceDetailDto);
        });

        api.MapPost("/services/{name}/{action}", async (string name, string action, AuroraRuntime rt) =>
        {
            if (rt.Orchestrator.Find(name) is not { } s)
            {
                return NotFound(name, rt);
            }

            Task? work = action switch
            {
                "start" => s.StartAsync(),
                "stop" => s.StopAsync(),
                "restart" => s.RestartAsync(),
                _ => null,
            };
            if (work is null)
            {
                return ApiRoutes.Error(StatusCodes.Status404NotFound, "unknown_action", $"unknown action '{action}'; use start, stop or restart");
            }

            await work;
            return Results.Json(DtoMapper.ToDto(s.Snapshot, rt.Time.GetUtcNow(), null), AuroraJsonContext.Default.ServiceDto);
        });

        api.MapGet("/services/{name}/logs", LogsAsync);
    }

    private static async Task LogsAsync(string name, int? tail, bool? follow, AuroraRuntime rt, IHostApplicationLifetime lifetime, HttpContext http)
    {
        if (rt.Log(name) is not { } log)
        {
            await NotFound(name, rt).ExecuteAsync(http);
            return;
        }

        var n = Math.Clamp(tail ?? 100, 0, 100_000);
        if (follow != true)
        {
            await Results.Json(new LogsDto(name, log.Tail(n)), AuroraJsonContext.Default.LogsDto).ExecuteAsync(http);
            return;
        }

        // Follow: plain text, one line per line, flushed as lines arrive, until the client goes away.
        http.Response.ContentType = "text/plain; charset=utf-8";
        using var subscription = log.Follow(n);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var ct = stopping.Token;
        try
        {
            foreach (var line in subscription.Backlog)
            {
                await http.Response.WriteAsync(line + "\n", ct);
            }

            await http.Response.Body.FlushAsync(ct);
            while (await subscription.Lines.WaitToReadAsync(ct))
            {
                while (subscription.Lines.TryRead(out var line))
                {
                    await http.Response.WriteAsync(line + "\n", ct);
                }

                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (LogFollowerOverflowException)
        {
            await http.Response.WriteAsync("[aurora] follower fell behind; run `aurora logs -f` again\n", CancellationToken.None);
        }
    }

    private static (double, long)? Usage(IReadOnlyDictionary<int, (double CpuPercent, long RssBytes)> sampled, ServiceSnapshot s) =>
        s.Pid is { } pid && sampled.TryGetValue(pid, out var u) ? (u.CpuPercent, u.RssBytes) : null;

    private static IResult NotFound(string name, AuroraRuntime rt) => ApiRoutes.Error(StatusCodes.Status404NotFound, "service_not_found",
        $"no service named '{name}'; services: {string.Join(", ", rt.Config.Services.Select(s => s.Name))}");
}
