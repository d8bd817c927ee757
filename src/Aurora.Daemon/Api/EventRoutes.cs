using System.Net.WebSockets;
using Aurora.Contracts.V1;
using Aurora.Core.Events;
using Aurora.Daemon.Http;
using Aurora.Daemon.Metrics;
using Aurora.Daemon.Resources;

namespace Aurora.Daemon.Api;

internal static class EventRoutes
{
    public static void Map(Router router, EventLog events, SampleFeed samples, StreamClients clients, TimeProvider time)
    {
        router.Get(ApiRoutes.Prefix + "/events", async x =>
        {
            var after = x.Request.QueryLong("after") ?? 0;
            var limit = Math.Clamp(x.Request.QueryInt("limit") ?? 1000, 1, 10_000);
            var page = (await events.Store.ReadAfterAsync(after, limit, x.Aborted)).Select(DtoMapper.ToDto).ToList();
            await x.JsonAsync(new EventListDto(page, events.LastCommittedSeq), AuroraJsonContext.Default.EventListDto);
        });

        router.Any(ApiRoutes.Prefix + "/events/stream", x => StreamAsync(x, events, samples, clients, time));
    }

    /// Replays events after `after`, then follows. A message carries the events at hand, one JSON object per
    /// line (a batch committed together goes out as one message, so a busy stream costs one frame per batch,
    /// not per event). A client that falls too far behind gets {"type":"resync","last_seq":N} and a close; it
    /// reconnects with after=N.
    ///
    /// Resource samples (unless `samples=false`) go out as messages of their own, one line each: whenever the
    /// feed has one newer than the last this connection sent, at each flush and while waiting for events. Only
    /// the newest is ever sent, so a connection that is behind skips the ones it missed; one that joins gets
    /// none older than itself.
    private static async Task StreamAsync(HttpExchange x, EventLog log, SampleFeed feed, StreamClients clients, TimeProvider time)
    {
        if (!x.Request.IsWebSocketUpgrade)
        {
            await x.ErrorAsync(400, "websocket_required", "connect with a WebSocket upgrade");
            return;
        }

        var after = x.Request.QueryLong("after") ?? 0;
        var samples = (x.Request.QueryBool("samples") ?? true) ? new SampleCursor(feed) : null;
        using var socket = await x.AcceptWebSocketAsync();
        if (socket is null)
        {
            return;
        }

        using var connected = clients.Connect();

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

                    await SendSampleAsync(x, socket, samples, cts.Token);
                    await x.UncorkAsync(cts.Token);
                    if (!next.IsCompleted && samples is not null)
                    {
                        next = await WaitSendingSamplesAsync(x, socket, samples, next.AsTask(), cts.Token);
                    }
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

    /// Waits for the next batch of events, sending each newer sample that arrives meanwhile.
    private static async Task<ValueTask<bool>> WaitSendingSamplesAsync(HttpExchange x, WebSocket socket, SampleCursor samples,
        Task<bool> next, CancellationToken ct)
    {
        while (!next.IsCompleted)
        {
            await Task.WhenAny(next, samples.NextAsync());
            if (await SendSampleAsync(x, socket, samples, ct))
            {
                await x.UncorkAsync(ct);
            }
        }

        return new ValueTask<bool>(next);
    }

    /// Sends the newest sample if this connection has not sent it yet (corked, like the events).
    private static async Task<bool> SendSampleAsync(HttpExchange x, WebSocket socket, SampleCursor? samples, CancellationToken ct)
    {
        if (samples?.TakeNewer() is not { } sample)
        {
            return false;
        }

        x.Cork();
        await socket.SendAsync(sample, WebSocketMessageType.Text, true, ct);
        return true;
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
