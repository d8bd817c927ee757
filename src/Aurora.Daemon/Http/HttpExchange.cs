using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Aurora.Contracts.V1;

namespace Aurora.Daemon.Http;

/// One request and its response. A handler answers exactly once: with a whole body (JSON or bytes), with
/// a stream it writes until done (the connection closes after it), or by taking the connection over as
/// a WebSocket. `Aborted` fires when the daemon stops or, once a stream or WebSocket is under way, when
/// the client goes away.
internal sealed class HttpExchange(HttpRequest request, HttpConnection connection, CancellationToken stopping)
{
    private readonly List<KeyValuePair<string, string>> _headers = [];
    private CancellationTokenSource? _aborted;
    private List<Action>? _onCompleted;

    public HttpRequest Request { get; } = request;

    /// The request came over the TCP (dashboard) listener rather than the private unix socket.
    public bool OverTcp => connection.OverTcp;

    public Dictionary<string, string> RouteValues { get; } = new(StringComparer.Ordinal);

    public bool ResponseStarted { get; private set; }

    /// Whether the connection can carry another request after this one.
    public bool KeepAlive { get; private set; } = !request.IsHttp10 && !request.HeaderHasToken("Connection", "close");

    public CancellationToken Aborted => (_aborted ??= CancellationTokenSource.CreateLinkedTokenSource(stopping)).Token;

    public string Route(string name) => RouteValues[name];

    /// The request carried the token (the TCP guard says so): its connection leaves the unauthenticated budget.
    public void MarkAuthenticated() => connection.MarkAuthenticated();

    /// Adds a response header; set before the response starts.
    public void SetHeader(string name, string value)
    {
        _headers.RemoveAll(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
        _headers.Add(new(name, value));
    }

    /// Runs after the response has been written whole (e.g. stopping the daemon after answering /shutdown).
    public void OnCompleted(Action action) => (_onCompleted ??= []).Add(action);

    public Task JsonAsync<T>(T value, JsonTypeInfo<T> type, int status = 200) =>
        BytesAsync(status, JsonSerializer.SerializeToUtf8Bytes(value, type), "application/json; charset=utf-8");

    public Task ErrorAsync(int status, string code, string message, IReadOnlyList<string>? details = null) =>
        JsonAsync(ErrorDto.Of(code, message, details), AuroraJsonContext.Default.ErrorDto, status);

    public async Task BytesAsync(int status, ReadOnlyMemory<byte> body, string contentType)
    {
        SetHeader("Content-Type", contentType);
        var head = Head(status, body.Length);
        if (Request.Method == "HEAD" || body.IsEmpty)
        {
            await connection.Stream.WriteAsync(head, stopping);
            return;
        }

        var whole = new byte[head.Length + body.Length];
        head.CopyTo(whole, 0);
        body.CopyTo(whole.AsMemory(head.Length));
        await connection.Stream.WriteAsync(whole, stopping);
    }

    /// Starts a 200 response whose body is written as it is produced and ends when the connection closes.
    public async Task<Stream> StartStreamAsync(string contentType)
    {
        KeepAlive = false;
        SetHeader("Content-Type", contentType);
        SetHeader("Cache-Control", "no-store");
        await connection.Stream.WriteAsync(Head(200, contentLength: null), stopping);
        WatchForHangUp();
        return connection.Stream;
    }

    /// Completes the RFC 6455 handshake; null (with a 400/426 answer sent) when the request is not a valid upgrade.
    public async Task<WebSocket?> AcceptWebSocketAsync()
    {
        if (Request.Header("Sec-WebSocket-Version") != "13")
        {
            SetHeader("Sec-WebSocket-Version", "13");
            await ErrorAsync(426, "websocket_version", "only WebSocket version 13 is supported");
            return null;
        }

        if (Request.Header("Sec-WebSocket-Key") is not { } key || !WebSocketHandshake.IsValidKey(key))
        {
            await ErrorAsync(400, "websocket_key_invalid", "a WebSocket upgrade needs Sec-WebSocket-Key: the base64 of 16 random bytes");
            return null;
        }

        KeepAlive = false;
        SetHeader("Upgrade", "websocket");
        SetHeader("Connection", "Upgrade");
        SetHeader("Sec-WebSocket-Accept", WebSocketHandshake.Accept(key));
        await connection.Stream.WriteAsync(Head(101, contentLength: null), stopping);
        _ = Aborted;
        return WebSocket.CreateFromStream(connection.Stream, new WebSocketCreationOptions
        {
            IsServer = true,
            KeepAliveInterval = connection.Limits.WebSocketKeepAlive,
            KeepAliveTimeout = connection.Limits.WebSocketPongTimeout,
        });
    }

    /// Batches the writes of an upgraded connection: until UncorkAsync they only collect, then go in one
    /// send (ConnectionStream). For one writer, in turn: Cork, writes, UncorkAsync, and again.
    public void Cork() => connection.Stream.Cork();

    public ValueTask UncorkAsync(CancellationToken ct) => connection.Stream.UncorkAsync(ct);

    public int CorkedBytes => connection.Stream.CorkedBytes;

    internal void Completed()
    {
        foreach (var action in _onCompleted ?? [])
        {
            action();
        }
    }

    internal void Dispose() => _aborted?.Dispose();

    private byte[] Head(int status, long? contentLength)
    {
        ResponseStarted = true;
        return ResponseHead.Build(status, _headers, contentLength, close: !KeepAlive);
    }

    /// A streamed response sends and never reads, so a client that hangs up would only be noticed at the
    /// next write; one pending receive notices it at once (a streamed request has no more to send).
    private void WatchForHangUp()
    {
        var aborted = Aborted;
        _ = WatchAsync();

        async Task WatchAsync()
        {
            try
            {
                var one = new byte[1];
                while (await connection.Stream.Socket.ReceiveAsync(one, SocketFlags.None, aborted) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }

            try
            {
                _aborted?.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
