using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Aurora.Contracts.V1;
using Aurora.Daemon.Http;
using Aurora.Tests;

namespace Aurora.IntegrationTests.Http;

/// The daemon's HTTP/1.1 server over a real unix socket, spoken to byte by byte where framing matters
/// and with HttpClient/ClientWebSocket where a real client's behaviour matters.
public sealed class HttpServerTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aurora-http-").FullName;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Router _router = new();
    private readonly TaskCompletionSource<int> _corked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _streamAborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HttpServer _server = null!;

    private string SocketPath => Path.Combine(_dir, "s.sock");

    public ValueTask InitializeAsync()
    {
        _router.Get("/hello/{name}", x => x.JsonAsync(
            new HealthzDto($"hi {x.Route("name")} q={x.Request.Query("q")} n={x.Request.QueryInt("n")}", 1, "/", "1", 0),
            AuroraJsonContext.Default.HealthzDto));
        _router.Post("/hello/{name}", x => x.ErrorAsync(400, "posted", x.Route("name")));
        _router.Get("/stream", async x =>
        {
            var body = await x.StartStreamAsync("text/plain");
            await body.WriteAsync("first\n"u8.ToArray(), x.Aborted);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, x.Aborted);
            }
            catch (OperationCanceledException)
            {
                _streamAborted.TrySetResult();
            }
        });
        _router.Any("/ws", async x =>
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
        _router.Any("/corked", async x =>
        {
            using var socket = await x.AcceptWebSocketAsync();
            x.Cork();
            foreach (var word in new[] { "one", "two", "three" })
            {
                await socket!.SendAsync(Encoding.UTF8.GetBytes(word), WebSocketMessageType.Text, true, x.Aborted);
            }

            _corked.TrySetResult(x.CorkedBytes);
            await x.UncorkAsync(x.Aborted);
            await socket!.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", x.Aborted);
        });
        _router.Fallback("/api", x => x.ErrorAsync(404, "api_fallback", "nothing here"));
        _server = new HttpServer(_router, TimeProvider.System, _stopping.Token);
        _server.ListenUnix(SocketPath);
        _server.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _server.StopAsync(TimeSpan.FromSeconds(5));
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Keep_alive_serves_several_requests_on_one_connection_with_decoded_routes_and_queries()
    {
        using var socket = await ConnectAsync();
        var two = "GET /hello/a%20b?q=port+conflict%21&n=7 HTTP/1.1\r\nHost: x\r\n\r\n" +
                  "GET /hello/c HTTP/1.1\r\nHost: x\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(two), TestContext.Current.CancellationToken);

        var first = await ReadResponseAsync(socket);
        var second = await ReadResponseAsync(socket);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", first.Head);
        Assert.Contains("Content-Type: application/json; charset=utf-8", first.Head);
        Assert.Contains("\"status\":\"hi a b q=port conflict! n=7\"", first.Body);
        Assert.Contains("\"status\":\"hi c q= n=\"", second.Body);
        Assert.DoesNotContain("Connection: close", second.Head);
    }

    [Fact]
    public async Task A_chunked_request_body_is_consumed_and_the_connection_stays_in_step()
    {
        using var socket = await ConnectAsync();
        var request = "POST /hello/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                      "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: t\r\n\r\n" +
                      "GET /hello/y HTTP/1.1\r\nHost: x\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);

        var posted = await ReadResponseAsync(socket);
        var next = await ReadResponseAsync(socket);
        Assert.StartsWith("HTTP/1.1 400 ", posted.Head);
        Assert.Contains("\"code\":\"posted\"", posted.Body);
        Assert.Contains("hi y", next.Body);
    }

    [Fact]
    public async Task Expect_continue_gets_100_before_the_body_is_sent()
    {
        using var socket = await ConnectAsync();
        await socket.SendAsync("POST /hello/z HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n"u8.ToArray(),
            TestContext.Current.CancellationToken);
        var interim = await ReadUntilAsync(socket, "\r\n\r\n");
        Assert.Equal("HTTP/1.1 100 Continue\r\n\r\n", interim);

        await socket.SendAsync("abc"u8.ToArray(), TestContext.Current.CancellationToken);
        var final = await ReadResponseAsync(socket);
        Assert.Contains("\"message\":\"z\"", final.Body);
    }

    [Theory]
    [InlineData("NONSENSE\r\n\r\n", "400 ", "bad_request")]
    [InlineData("GET /hello/a HTTP/2.0\r\n\r\n", "505 ", "http_version_not_supported")]
    [InlineData("GET /hello/a HTTP/1.1\r\nNo colon here\r\n\r\n", "400 ", "bad_request")]
    [InlineData("POST /hello/a HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n", "413 ", "body_too_large")]
    [InlineData("POST /hello/a HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", "501 ", "unsupported_transfer_encoding")]
    public async Task A_malformed_request_gets_a_JSON_error_and_the_connection_is_closed(string request, string status, string code)
    {
        using var socket = await ConnectAsync();
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);

        var response = await ReadResponseAsync(socket);
        Assert.StartsWith("HTTP/1.1 " + status, response.Head);
        Assert.Contains("Connection: close", response.Head);
        Assert.Contains($"\"code\":\"{code}\"", response.Body);
        Assert.Equal(0, await socket.ReceiveAsync(new byte[16], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_head_larger_than_the_limit_is_refused_with_431()
    {
        using var socket = await ConnectAsync();
        var huge = "GET /hello/a HTTP/1.1\r\nX-Big: " + new string('a', HttpRequest.MaxHeadBytes + 10) + "\r\n\r\n";
        var send = socket.SendAsync(Encoding.ASCII.GetBytes(huge), TestContext.Current.CancellationToken);

        var response = await ReadResponseAsync(socket);
        Assert.StartsWith("HTTP/1.1 431 ", response.Head);
        Assert.Contains("request_too_large", response.Body);
        await ((Task)send.AsTask()).ContinueWith(_ => { }, TaskScheduler.Default).DefaultTimeout();
    }

    [Fact]
    public async Task Unknown_paths_get_404_or_the_fallback_and_a_wrong_method_gets_405()
    {
        using var client = Client();
        var ct = TestContext.Current.CancellationToken;

        var missing = await client.GetAsync("/nowhere", ct);
        var fallback = await client.GetAsync("/api/v9/anything", ct);
        var wrongMethod = await client.DeleteAsync("/hello/a", ct);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/hello/a"), ct);

        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Contains("\"code\":\"not_found\"", await missing.Content.ReadAsStringAsync(ct));
        Assert.Contains("\"code\":\"api_fallback\"", await fallback.Content.ReadAsStringAsync(ct));
        Assert.Equal(405, (int)wrongMethod.StatusCode);
        Assert.Equal(200, (int)head.StatusCode);
        Assert.True(head.Content.Headers.ContentLength > 0);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(ct));
    }

    [Fact]
    public async Task A_query_parameter_of_the_wrong_type_is_a_400_naming_it()
    {
        using var client = Client();
        var response = await client.GetAsync("/hello/a?n=seven", TestContext.Current.CancellationToken);

        Assert.Equal(400, (int)response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"code\":\"bad_parameter\"", body);
        Assert.Contains("n=\\u0022seven\\u0022", body);
    }

    [Fact]
    public async Task Http_1_0_gets_connection_close()
    {
        using var socket = await ConnectAsync();
        await socket.SendAsync("GET /hello/a HTTP/1.0\r\n\r\n"u8.ToArray(), TestContext.Current.CancellationToken);

        var response = await ReadResponseAsync(socket);
        Assert.Contains("Connection: close", response.Head);
        Assert.Equal(0, await socket.ReceiveAsync(new byte[16], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_streamed_response_is_aborted_when_the_client_hangs_up()
    {
        var socket = await ConnectAsync();
        await socket.SendAsync("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray(), TestContext.Current.CancellationToken);
        var head = await ReadUntilAsync(socket, "first\n");
        Assert.Contains("Connection: close", head);

        socket.Dispose();
        await _streamAborted.Task.DefaultTimeout();
    }

    [Fact]
    public async Task Stopping_ends_streams_and_idle_connections_and_StopAsync_returns()
    {
        using var idle = await ConnectAsync();
        using var streaming = await ConnectAsync();
        await streaming.SendAsync("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray(), TestContext.Current.CancellationToken);
        await ReadUntilAsync(streaming, "first\n");

        await _stopping.CancelAsync();
        await _server.StopAsync(TimeSpan.FromSeconds(10)).DefaultTimeout();

        await _streamAborted.Task.DefaultTimeout();
        Assert.Equal(0, await idle.ReceiveAsync(new byte[16], TestContext.Current.CancellationToken).AsTask().DefaultTimeout());
    }

    [Fact]
    public async Task A_WebSocket_client_completes_the_handshake_and_exchanges_messages()
    {
        using var client = new ClientWebSocket();
        using var invoker = new HttpMessageInvoker(Handler());
        var ct = TestContext.Current.CancellationToken;
        await client.ConnectAsync(new Uri("ws://localhost/ws"), invoker, ct).DefaultTimeout();

        await client.SendAsync("ping"u8.ToArray(), WebSocketMessageType.Text, true, ct);
        var buffer = new byte[64];
        var echo = await client.ReceiveAsync(buffer, ct).DefaultTimeout();
        var close = await client.ReceiveAsync(buffer, ct).DefaultTimeout();

        Assert.Equal("ping", Encoding.UTF8.GetString(buffer, 0, echo.Count));
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
    }

    [Fact]
    public async Task Corked_WebSocket_messages_collect_and_go_out_together_in_order()
    {
        using var client = new ClientWebSocket();
        using var invoker = new HttpMessageInvoker(Handler());
        var ct = TestContext.Current.CancellationToken;
        await client.ConnectAsync(new Uri("ws://localhost/corked"), invoker, ct).DefaultTimeout();

        // Three unmasked server frames, each a 2-byte header and the word.
        Assert.Equal(2 + 3 + 2 + 3 + 2 + 5, await _corked.Task.DefaultTimeout());
        var buffer = new byte[64];
        var words = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var r = await client.ReceiveAsync(buffer, ct).DefaultTimeout();
            words.Add(Encoding.UTF8.GetString(buffer, 0, r.Count));
        }

        Assert.Equal(["one", "two", "three"], words);
        Assert.Equal(WebSocketMessageType.Close, (await client.ReceiveAsync(buffer, ct).DefaultTimeout()).MessageType);
    }

    [Fact]
    public async Task A_WebSocket_upgrade_of_another_version_gets_426()
    {
        using var socket = await ConnectAsync();
        await socket.SendAsync(("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                                "Sec-WebSocket-Version: 8\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").Select(c => (byte)c).ToArray(),
            TestContext.Current.CancellationToken);

        var response = await ReadResponseAsync(socket);
        Assert.StartsWith("HTTP/1.1 426 ", response.Head);
        Assert.Contains("Sec-WebSocket-Version: 13", response.Head);
    }

    [Theory]
    [InlineData("dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")] // RFC 6455 §1.3
    [InlineData("", "2jmj7l5rSw0yVb/vlWAYkK/YBwk=")]
    [InlineData("The quick brown fox jumps over the lazy dog", "L9ThxnotKPzthJ7hu3bnORuT6xI=")]
    public void Sha1_matches_known_digests(string input, string base64)
    {
        Assert.Equal(base64, Convert.ToBase64String(Sha1.Hash(Encoding.ASCII.GetBytes(input))));
        // Lengths around the 55/56/64-byte padding edges agree with the platform's SHA-1.
        foreach (var n in new[] { 55, 56, 63, 64, 65, 119, 120, 1000 })
        {
            var data = Enumerable.Range(0, n).Select(i => (byte)i).ToArray();
#pragma warning disable CA5350 // SHA-1 here checks a protocol checksum, not a security property
            Assert.Equal(System.Security.Cryptography.SHA1.HashData(data), Sha1.Hash(data));
#pragma warning restore CA5350
        }
    }

    private SocketsHttpHandler Handler() => new()
    {
        ConnectCallback = async (_, ct) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    };

    private HttpClient Client() => new(Handler()) { BaseAddress = new Uri("http://localhost") };

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), TestContext.Current.CancellationToken);
        return socket;
    }

    private readonly Dictionary<Socket, StringBuilder> _pending = [];

    /// Reads up to and including `marker`, keeping what came after it for the next read on that socket.
    private async Task<string> ReadUntilAsync(Socket socket, string marker)
    {
        var text = _pending.TryGetValue(socket, out var held) ? held : _pending[socket] = new StringBuilder();
        var buffer = new byte[4096];
        while (text.ToString().IndexOf(marker, StringComparison.Ordinal) is var i && i < 0)
        {
            var n = await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken).AsTask().DefaultTimeout();
            if (n == 0)
            {
                throw new IOException($"closed before \"{marker}\"; got: {text}");
            }

            text.Append(Encoding.Latin1.GetString(buffer, 0, n));
        }

        var all = text.ToString();
        var end = all.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        text.Clear().Append(all[end..]);
        return all[..end];
    }

    private async Task<(string Head, string Body)> ReadResponseAsync(Socket socket)
    {
        var head = await ReadUntilAsync(socket, "\r\n\r\n");
        var length = head.Split("\r\n").Single(l => l.StartsWith("Content-Length: ", StringComparison.Ordinal))["Content-Length: ".Length..];
        var text = _pending[socket];
        var buffer = new byte[4096];
        while (text.Length < int.Parse(length))
        {
            var n = await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken).AsTask().DefaultTimeout();
            Assert.NotEqual(0, n);
            text.Append(Encoding.Latin1.GetString(buffer, 0, n));
        }

        var all = text.ToString();
        text.Clear().Append(all[int.Parse(length)..]);
        return (head, all[..int.Parse(length)]);
    }
}
