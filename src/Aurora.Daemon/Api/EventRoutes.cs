using System.Net.WebSockets;
using Aurora.Contracts.V1;
using Aurora.Core.Events;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Api;

internal static class EventRoutes
{
    public static void Map(Router router, EventLog events, TimeProvider time)
    {
        router.Get(ApiRoutes.Prefix + "/events", async x =>
        {
            var after = x.Request.QueryLong("after") ?? 0;
            var limit = Math.Clamp(x.Request.QueryInt("limit") ?? 1000, 1, 10_000);
            var page = (await events.Store.ReadAfterAsync(after, limit, x.Aborted)).Select(DtoMapper.ToDto).ToList();
            await x.JsonAsync(new EventListDto(page, events.LastCommittedSeq), AuroraJsonContext.Default.EventListDto);
        });

        router.Any(ApiRoutes.Prefix + "/events/stream", x => StreamAsync(x, events, time));
    }

    /// Replays events after `after`, then follows. A message carries the events at hand, one JSON object per
    /// line (a batch committed together goes out as one message, so a busy stream costs one frame per batch,
    /// not per event). A client that falls too far behind gets {"type":"resync","last_seq":N} and a close; it
    /// reconnects with after=N.
    private static async Task StreamAsync(HttpExchange x, EventLog log, TimeProvider time)
    {
        if (!x.Request.IsWebSocketUpgrade)
        {
            await x.ErrorAsync(400, "websocket_required", "connect with a WebSocket upgrade");
            return;
        }

        var after = x.Request.QueryLong("after") ?? 0;
        using var socket = await x.AcceptWebSocketAsync();
        if (socket is null)
        {
            return;
        }

        // Ends with the daemon too (Aborted): a stream left open would hold up shutdown.
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(x.Aborted);
        var closing = WatchForCloseAsync(socket, cts);
        var message = new EventMessage();
        try
        {
            // Every batch already waiting goes into the same message (up to 64 KB), sent before waiting for
            // more: a busy stream costs a frame per wake-up, not per event.
            await using var batches = log.WatchBatchesAsync(after, cts.Token).GetAsyncEnumerator(cts.Token);
            while (true)
            {
                var next = batches.MoveNextAsync();
                if (!next.IsCompleted || message.Full)
                {
                    if (message.Take() is { } ready)
                    {
                        x.Cork();
                        await socket.SendAsync(ready, WebSocketMessageType.Text, true, cts.Token);
                    }

                    await x.UncorkAsync(cts.Token);
                }

                if (!await next)
                {
                    break;
                }

                foreach (var full in message.Add(batches.Current))
                {
                    x.Cork();
                    await socket.SendAsync(full, WebSocketMessageType.Text, true, cts.Token);
                }
            }
        }
        catch (EventStreamOverflowException overflow)
        {
            var resync = System.Text.Encoding.UTF8.GetBytes($"{{\"type\":\"resync\",\"last_seq\":{overflow.LastSeq}}}");
            await socket.SendAsync(resync, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
        }

        // Whatever is still corked (the resync notice, say) goes out before the close.
        await x.UncorkAsync(CancellationToken.None).AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2), time);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or TimeoutException)
            {
            }
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
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
        }

        await cts.CancelAsync();
    }
}
