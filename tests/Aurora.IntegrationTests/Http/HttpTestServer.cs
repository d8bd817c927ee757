using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Aurora.Contracts.V1;
using Aurora.Daemon.Http;
using Aurora.Layout;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.IntegrationTests.Http;

/// The daemon's HTTP server on a real unix socket (and, when asked, loopback TCP) with a few test routes:
/// /hello/{name} (GET answers JSON, POST a 400 naming it), /stream (a streamed response that waits),
/// /ws (echoes one message), /corked (three corked messages), and a fallback under /api. Over TCP the
/// guard admits everything and counts `Authorization: Bearer good` as the token.
internal sealed class HttpTestServer : IAsyncDisposable
{
    private readonly string _dir;
    private readonly CancellationTokenSource _stopping = new();

    public HttpTestServer(TimeProvider? time = null, ListenerLimits? unix = null, ListenerLimits? tcp = null, string? dir = null)
    {
        _dir = dir ?? Directory.CreateTempSubdirectory("aurora-http-").FullName;
        Time = time ?? TimeProvider.System;
        MapRoutes();
        Server = new HttpServer(Router, Time, _stopping.Token);
        Server.ListenUnix(SocketPath, unix);
        if (tcp is not null)
        {
            TcpPort = Server.ListenTcp(IPAddress.Loopback, 0, tcp);
            Server.TcpGuard = x =>
            {
                if (x.Request.Header("Authorization") == "Bearer good")
                {
                    x.MarkAuthenticated();
                }

                return Task.FromResult(true);
            };
        }
    }

    public TimeProvider Time { get; }

    public Router Router { get; } = new();

    public HttpServer Server { get; }

    public string SocketPath => Path.Combine(_dir, "s.sock");

    public int TcpPort { get; }

    public TaskCompletionSource<int> Corked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource StreamAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CancellationTokenSource Stopping => _stopping;

    /// Starts serving; add routes to Router before.
    public HttpTestServer Start()
    {
        Server.Start();
        return this;
    }

    public Task<RawHttpClient> UnixAsync() => RawHttpClient.UnixAsync(SocketPath);

    public Task<RawHttpClient> TcpAsync() => RawHttpClient.TcpAsync(TcpPort);

    public SocketsHttpHandler Handler() => new()
    {
        ConnectCallback = async (_, ct) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await UnixSocketPath.ConnectAsync(socket, SocketPath, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    };

    public HttpClient Client() => new(Handler()) { BaseAddress = new Uri("http://localhost") };

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        var stop = Server.StopAsync(TimeSpan.FromSeconds(5));
        (Time as FakeTimeProvider)?.Advance(TimeSpan.FromSeconds(5));
        await stop.DefaultTimeout();
        Directory.Delete(_dir, recursive: true);
    }

    private void MapRoutes()
    {
        Router.Get("/hello/{name}", x => x.JsonAsync(
            new HealthzDto($"hi {x.Route("name")} q={x.Request.Query("q")} n={x.Request.QueryInt("n")}", 1, "/", "1", 0),
            AuroraJsonContext.Default.HealthzDto));
        Router.Post("/hello/{name}", x => x.ErrorAsync(400, "posted", x.Route("name")));
        Router.Get("/stream", async x =>
        {
            var body = await x.StartStreamAsync("text/plain");
            await body.WriteAsync("first\n"u8.ToArray(), x.Aborted);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, x.Aborted);
            }
            catch (OperationCanceledException)
            {
                StreamAborted.TrySetResult();
            }
        });
        Router.Any("/ws", async x =>
        {
            using var socket = await x.AcceptWebSocketAsync();
            if (socket is null)
            {
                return;
            }

            var buffer = new byte[64];
            var r = await socket.ReceiveAsync(buffer, x.Aborted);
            await socket.SendAsync(buffer.AsMemory(0, r.Count), WebSocketMessageType.Text, true, x.Aborted);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", x.Aborted);
        });
        Router.Any("/corked", async x =>
        {
            using var socket = await x.AcceptWebSocketAsync();
            x.Cork();
            foreach (var word in new[] { "one", "two", "three" })
            {
                await socket!.SendAsync(Encoding.UTF8.GetBytes(word), WebSocketMessageType.Text, true, x.Aborted);
            }

            Corked.TrySetResult(x.CorkedBytes);
            await x.UncorkAsync(x.Aborted);
            await socket!.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", x.Aborted);
        });
        Router.Fallback("/api", x => x.ErrorAsync(404, "api_fallback", "nothing here"));
    }
}
