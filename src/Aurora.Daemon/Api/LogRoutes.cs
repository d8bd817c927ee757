using Aurora.Contracts.V1;
using Aurora.Core.Logs;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Api;

/// `GET /api/v1/services/{name}/logs?tail=N[&follow=true]`: the tail, or the tail and then every new line.
internal static class LogRoutes
{
    public static void Map(Router router, IServiceReader services) =>
        router.Get(ApiRoutes.Prefix + "/services/{name}/logs", x => LogsAsync(x, services));

    private static async Task LogsAsync(HttpExchange x, IServiceReader services)
    {
        var name = x.Route("name");
        if (services.LogOf(name) is not { } log)
        {
            await ServiceRoutes.NotFound(x, services);
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
}
