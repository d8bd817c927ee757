using System.Net.WebSockets;
using Aurora.Daemon.Http;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.IntegrationTests.Http;

/// A client cannot hold a connection by going quiet (issue 19 finding 3): on TCP a head must arrive
/// within 10 s; anywhere, a write that makes no progress is cut, and a WebSocket whose peer stopped
/// reading (no pong) is cut off, whatever the route.
public sealed class TimeoutTests
{
    private const string Upgrade = "HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                                   "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";

    [Fact(Timeout = 60000)]
    public async Task A_TCP_connection_without_a_whole_head_after_10_s_gets_408_and_is_closed_Issue19_3()
    {
        var time = new FakeTimeProvider();
        await using var server = new HttpTestServer(time, tcp: ListenerLimits.Tcp).Start();
        using var unix = await server.UnixAsync();
        await unix.SendAsync("GET /hello/u HTTP/1.1\r\nHost: x\r\n\r\n");
        await unix.ReadResponseAsync();
        using var slow = await server.TcpAsync();
        await slow.SendAsync("GET /hello/a HTTP/1.1\r\nHost: x\r\n");
        // Accepts are in order, and each arms its deadline as it is accepted: once this one is answered,
        // the slow one's deadline is running.
        await RoundTripAsync(server);

        var closed = slow.ReadToEndAsync();
        time.Advance(ListenerLimits.Tcp.HeadTimeout - TimeSpan.FromMilliseconds(100));
        await RoundTripAsync(server);
        Assert.False(closed.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(200));
        var answer = await closed;

        Assert.StartsWith("HTTP/1.1 408 ", answer);
        Assert.Contains("\"code\":\"request_timeout\"", answer);
        // The unix socket keeps its two-minute idle allowance.
        await unix.SendAsync("GET /hello/still HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Contains("hi still", (await unix.ReadResponseAsync()).Body);
    }

    [Fact(Timeout = 60000)]
    public async Task A_TCP_connection_that_sends_nothing_is_closed_silently_after_the_head_timeout()
    {
        var time = new FakeTimeProvider();
        await using var server = new HttpTestServer(time, tcp: ListenerLimits.Tcp).Start();
        using var silent = await server.TcpAsync();
        await RoundTripAsync(server);

        var closed = silent.ReadToEndAsync();
        time.Advance(ListenerLimits.Tcp.HeadTimeout);

        Assert.Equal("", await closed);
    }

    [Fact(Timeout = 60000)]
    public async Task A_client_that_stops_reading_a_response_is_cut_off_and_frees_its_slot_Issue19_3()
    {
        await using var server = new HttpTestServer(unix: ListenerLimits.Unix with
        {
            WriteTimeout = TimeSpan.FromMilliseconds(300),
            MaxConnections = 1,
        });
        var failed = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Router.Get("/flood", async x =>
        {
            var body = await x.StartStreamAsync("text/plain");
            await FloodAsync(() => body.WriteAsync(new byte[64 * 1024], x.Aborted).AsTask(), failed);
        });
        var slotFreed = SlotFreed(server.Start());

        using var stalled = await server.UnixAsync();
        await stalled.SendAsync("GET /flood HTTP/1.1\r\nHost: x\r\n\r\n");

        var ex = await failed.Task.DefaultTimeout();
        Assert.IsType<IOException>(ex);
        Assert.Contains("read nothing for 0.3 s", ex.Message);
        await slotFreed.DefaultTimeout();
        using var next = await server.UnixAsync();
        await next.SendAsync("GET /hello/next HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Contains("hi next", (await next.ReadResponseAsync()).Body);
    }

    [Fact(Timeout = 60000)]
    public async Task A_WebSocket_peer_that_stops_reading_is_cut_off_on_any_route_Issue19_3()
    {
        await using var server = new HttpTestServer(unix: ListenerLimits.Unix with { WriteTimeout = TimeSpan.FromMilliseconds(300) });
        var failed = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Router.Any("/wsflood", async x =>
        {
            using var socket = (await x.AcceptWebSocketAsync())!;
            await FloodAsync(() => socket.SendAsync(new byte[64 * 1024], WebSocketMessageType.Binary, true, x.Aborted), failed);
        });
        var slotFreed = SlotFreed(server.Start());

        using var stalled = await server.UnixAsync();
        await stalled.SendAsync("GET /wsflood " + Upgrade);
        Assert.StartsWith("HTTP/1.1 101 ", await stalled.ReadUntilAsync("\r\n\r\n"));

        // What the routes already catch for a peer that went away: the event stream ends quietly.
        Assert.True(await failed.Task.DefaultTimeout() is OperationCanceledException or WebSocketException or IOException);
        await slotFreed.DefaultTimeout();
    }

    [Fact(Timeout = 60000)]
    public async Task A_WebSocket_peer_that_never_answers_a_ping_is_cut_off_Issue19_3()
    {
        await using var server = new HttpTestServer(unix: ListenerLimits.Unix with
        {
            WebSocketKeepAlive = TimeSpan.FromMilliseconds(100),
            WebSocketPongTimeout = TimeSpan.FromMilliseconds(300),
        });
        var failed = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Router.Any("/wsidle", async x =>
        {
            using var socket = (await x.AcceptWebSocketAsync())!;
            try
            {
                await socket.ReceiveAsync(new byte[64], x.Aborted);
            }
            catch (Exception ex)
            {
                failed.TrySetResult(ex);
                throw;
            }
        });
        server.Start();

        using var mute = await server.UnixAsync();
        await mute.SendAsync("GET /wsidle " + Upgrade);
        Assert.StartsWith("HTTP/1.1 101 ", await mute.ReadUntilAsync("\r\n\r\n"));

        // The runtime aborts the socket: the pending receive ends as cancelled, the missing pong inside.
        var ex = await failed.Task.DefaultTimeout();
        Assert.Contains("Pong", ex.ToString(), StringComparison.Ordinal);
        await mute.ReadToEndAsync();
    }

    private static async Task RoundTripAsync(HttpTestServer server)
    {
        using var probe = await server.TcpAsync();
        await probe.SendAsync("GET /hello/probe HTTP/1.1\r\nHost: x\r\n\r\n");
        await probe.ReadResponseAsync();
    }

    private static Task SlotFreed(HttpTestServer server)
    {
        var freed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Server.ConnectionClosed += () => freed.TrySetResult();
        return freed.Task;
    }

    /// Writes until a write fails, and reports how.
    private static async Task FloodAsync(Func<Task> write, TaskCompletionSource<Exception> failed)
    {
        try
        {
            while (true)
            {
                await write();
            }
        }
        catch (Exception ex)
        {
            failed.TrySetResult(ex);
            throw;
        }
    }
}
