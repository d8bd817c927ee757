using System.Net.WebSockets;
using System.Text.Json;
using Aurora.Contracts.V1;
using Aurora.Core.Events;
using Aurora.Daemon.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Aurora.Daemon.Api;

internal static class EventRoutes
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/events", (long? after, int? limit, AuroraRuntime rt) =>
        {
            var events = rt.Events.Store.ReadAfter(after ?? 0, Math.Clamp(limit ?? 1000, 1, 10_000)).Select(DtoMapper.ToDto).ToList();
            return Results.Json(new EventListDto(events, rt.Events.LastCommittedSeq), AuroraJsonContext.Default.EventListDto);
        });

        api.Map("/events/stream", StreamAsync);
    }

    /// Replays events after `after`, then follows. A client that falls too far behind gets
    /// {"type":"resync","last_seq":N} and a close; it reconnects with after=N.
    private static async Task StreamAsync(long? after, AuroraRuntime rt, IHostApplicationLifetime lifetime, HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await ApiRoutes.Error(StatusCodes.Status400BadRequest, "websocket_required", "connect with a WebSocket upgrade").ExecuteAsync(http);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        // Ends with the daemon too: a stream left open would hold up shutdown for the whole grace period.
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var closing = WatchForCloseAsync(socket, cts);
        try
        {
            await foreach (var e in rt.Events.WatchAsync(after ?? 0, cts.Token))
            {
                await socket.SendAsync(EventJson.Utf8(e), WebSocketMessageType.Text, true, cts.Token);
            }
        }
        catch (EventStreamOverflowException overflow)
        {
            var resync = System.Text.Encoding.UTF8.GetBytes($"{{\"type\":\"resync\",\"last_seq\":{overflow.LastSeq}}}");
            await socket.SendAsync(resync, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }

        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }

        await cts.CancelAsync();
        await closing;
    }

    private static async Task WatchForCloseAsync(WebSocket socket, CancellationTokenSource cts)
    {
        var buffer = new byte[256];
        try
        {
            while (!cts.IsCancellationRequested)
            {
                var r = await socket.ReceiveAsync(buffer, cts.Token);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }

        await cts.CancelAsync();
    }
}
