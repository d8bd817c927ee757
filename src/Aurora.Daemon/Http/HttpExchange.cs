using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Aurora.Contracts.V1;

namespace Aurora.Daemon.Http;

/// One request and its response. A handler answers exactly once: with a whole body (JSON or bytes), with
/// a stream it writes until done (the connection closes after it), or by taking the connection over as
/// a WebSocket. `Aborted` fires when the daemon stops or, once a stream or WebSocket is under way, when
/// the client goes away.
internal sealed class HttpExchange(HttpRequest request, ConnectionStream connection, bool overTcp, CancellationToken stopping)
{
    private const string WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private readonly List<KeyValuePair<string, string>> _headers = [];
    private CancellationTokenSource? _aborted;
    private List<Action>? _onCompleted;

    public HttpRequest Request { get; } = request;

    /// The request came over the TCP (dashboard) listener rather than the private unix socket.
    public bool OverTcp { get; } = overTcp;

    public Dictionary<string, string> RouteValues { get; } = new(StringComparer.Ordinal);

    public bool ResponseStarted { get; private set; }

    /// Whether the connection can carry another request after this one.
    public bool KeepAlive { get; private set; } = !request.IsHttp10 && !request.HeaderHasToken("Connection", "close");

    public CancellationToken Aborted => (_aborted ??= CancellationTokenSource.CreateLinkedTokenSource(stopping)).Token;

    public string Route(string name) => RouteValues[name];

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
            await connection.WriteAsync(head, stopping);
            return;
        }

        var whole = new byte[head.Length + body.Length];
        head.CopyTo(whole, 0);
        body.CopyTo(whole.AsMemory(head.Length));
        await connection.WriteAsync(whole, stopping);
    }

    /// Starts a 200 response whose body is written as it is produced and ends when the connection closes.
    public async Task<Stream> StartStreamAsync(string contentType)
    {
        KeepAlive = false;
        SetHeader("Content-Type", contentType);
        SetHeader("Cache-Control", "no-store");
        await connection.WriteAsync(Head(200, contentLength: null), stopping);
        WatchForHangUp();
        return connection;
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

        if (Request.Header("Sec-WebSocket-Key") is not { Length: > 0 } key)
        {
            await ErrorAsync(400, "websocket_key_missing", "a WebSocket upgrade needs Sec-WebSocket-Key");
            return null;
        }

        KeepAlive = false;
        SetHeader("Upgrade", "websocket");
        SetHeader("Connection", "Upgrade");
        SetHeader("Sec-WebSocket-Accept", Convert.ToBase64String(Sha1.Hash(Encoding.ASCII.GetBytes(key.Trim() + WebSocketGuid))));
        await connection.WriteAsync(Head(101, contentLength: null), stopping);
        _ = Aborted;
        return WebSocket.CreateFromStream(connection, new WebSocketCreationOptions
        {
            IsServer = true,
            KeepAliveInterval = TimeSpan.FromMinutes(2),
        });
    }

    /// Batches the writes of an upgraded connection: until UncorkAsync they only collect, then go in one
    /// send (ConnectionStream). For one writer, in turn: Cork, writes, UncorkAsync, and again.
    public void Cork() => connection.Cork();

    public ValueTask UncorkAsync(CancellationToken ct) => connection.UncorkAsync(ct);

    public int CorkedBytes => connection.CorkedBytes;

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
        var head = new StringBuilder(256);
        head.Append("HTTP/1.1 ").Append(status).Append(' ').Append(Reason(status)).Append("\r\n");
        foreach (var (name, value) in _headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (contentLength is { } length)
        {
            head.Append("Content-Length: ").Append(length).Append("\r\n");
        }

        if (status != 101 && !KeepAlive)
        {
            head.Append("Connection: close\r\n");
        }

        return Encoding.Latin1.GetBytes(head.Append("\r\n").ToString());
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
                while (await connection.Socket.ReceiveAsync(one, SocketFlags.None, aborted) > 0)
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

    private static string Reason(int status) => status switch
    {
        101 => "Switching Protocols",
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        426 => "Upgrade Required",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Status",
    };
}
