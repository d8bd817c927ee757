using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aurora.Daemon.Http;

/// The daemon's HTTP/1.1 server: the control API on the unix socket and, with `dashboard:`, the same API
/// and the page on TCP. It is deliberately small (its clients are the CLI, the dashboard page and local
/// scripts): keep-alive, Content-Length and chunked request bodies (read and dropped: no route takes a
/// body), streamed responses, and WebSocket upgrades; heads up to 32 KB, bodies up to 1 MB, at most 512
/// connections, idle ones closed after two minutes. It replaced ASP.NET Core/Kestrel, which cost the
/// daemon about 8 MB resident (a third of it) and its own threads for a dozen routes.
///
/// When `stopping` fires, long-lived responses (event streams, log follows) end and idle connections
/// close; StopAsync then waits for requests in progress, up to a grace period.
internal sealed class HttpServer(Router router, TimeProvider time, CancellationToken stopping)
{
    private const int MaxBodyBytes = 1024 * 1024;

    // Beyond this many open connections a new one is closed at once: a local client opening sockets in a
    // loop must not exhaust the daemon's descriptors (each idle one is otherwise kept for IdleTimeout).
    private const int MaxConnections = 512;
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(2);
    private static readonly byte[] Continue = "HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray();

    // Stands in for a request whose framing could not be trusted, when answering it.
    private static readonly HttpRequest Unframed = HttpRequest.Parse("GET / HTTP/1.0"u8);

    private readonly List<(Socket Socket, bool OverTcp)> _listeners = [];
    private readonly HashSet<ConnectionStream> _open = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource? _drained;

    /// Runs first for every request over TCP; returns false when it has answered (refused) the request itself.
    public Func<HttpExchange, Task<bool>>? TcpGuard { get; set; }

    public void ListenUnix(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            socket.Listen(128);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _listeners.Add((socket, false));
    }

    public void ListenTcp(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // As Kestrel does on Linux: a restarted daemon can bind while old connections sit in TIME_WAIT.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            socket.Bind(new IPEndPoint(address, port));
            socket.Listen(128);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new IOException($"cannot listen on {new IPEndPoint(address, port)}: {ex.Message}", ex);
        }

        _listeners.Add((socket, true));
    }

    public void Start()
    {
        foreach (var (socket, overTcp) in _listeners)
        {
            _ = AcceptAsync(socket, overTcp);
        }
    }

    /// Closes the listeners and waits for connections to finish (stopping must have fired, or be about to);
    /// what is still open after `grace` is cut.
    public async Task StopAsync(TimeSpan grace)
    {
        CloseListeners();

        Task drained;
        lock (_gate)
        {
            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_open.Count == 0)
            {
                _drained.TrySetResult();
            }

            drained = _drained.Task;
        }

        try
        {
            await drained.WaitAsync(grace, time);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                foreach (var connection in _open)
                {
                    connection.Dispose();
                }
            }
        }
    }

    public void CloseListeners()
    {
        foreach (var (socket, _) in _listeners)
        {
            socket.Dispose();
        }
    }

    private async Task AcceptAsync(Socket listener, bool overTcp)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException
                || (ex is SocketException s && s.SocketErrorCode == SocketError.OperationAborted))
            {
                return;
            }
            catch (SocketException ex)
            {
                // Out of descriptors and the like: say so, give it a moment, keep serving.
                await Console.Error.WriteLineAsync($"aurora: accept failed: {ex.Message}");
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, CancellationToken.None);
                continue;
            }

            _ = ServeAsync(new ConnectionStream(client), overTcp);
        }
    }

    private async Task ServeAsync(ConnectionStream connection, bool overTcp)
    {
        lock (_gate)
        {
            if (_open.Count >= MaxConnections)
            {
                connection.Dispose();
                return;
            }

            _open.Add(connection);
        }

        using var timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        var onStop = stopping.Register(static s => ((CancellationTokenSource)s!).Cancel(), timeout);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                timeout.CancelAfter(IdleTimeout);
                if (await ReadHeadAsync(connection, timeout.Token) is not { } request)
                {
                    return;
                }

                await DropBodyAsync(connection, request, timeout.Token);
                timeout.CancelAfter(Timeout.InfiniteTimeSpan);
                var exchange = new HttpExchange(request, connection, overTcp, stopping);
                try
                {
                    await DispatchAsync(exchange);
                    exchange.Completed();
                }
                finally
                {
                    exchange.Dispose();
                }

                if (!exchange.KeepAlive)
                {
                    return;
                }
            }
        }
        catch (HttpProtocolException ex)
        {
            await RefuseAsync(connection, ex);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client went away, idled out, or the daemon is stopping.
        }
        catch (Exception ex)
        {
            // A route failed after its response had started: all that can be done is to cut the connection.
            await Console.Error.WriteLineAsync($"aurora: a request failed mid-response: {ex}");
        }
        finally
        {
            await onStop.DisposeAsync();
            connection.Dispose();
            lock (_gate)
            {
                _open.Remove(connection);
                if (_open.Count == 0)
                {
                    _drained?.TrySetResult();
                }
            }
        }
    }

    private async Task DispatchAsync(HttpExchange x)
    {
        try
        {
            if (x.OverTcp && TcpGuard is { } guard && !await guard(x))
            {
                return;
            }

            if (router.Match(x, out var wrongMethod) is not { } handler)
            {
                await (wrongMethod
                    ? x.ErrorAsync(405, "method_not_allowed", $"{x.Request.Method} is not allowed on {x.Request.RawPath}")
                    : x.ErrorAsync(404, "not_found", $"no route {x.Request.RawPath}; see SPEC §7"));
                return;
            }

            await handler(x);
            if (!x.ResponseStarted)
            {
                await x.ErrorAsync(500, "no_response", "the route wrote no response");
            }
        }
        catch (HttpProtocolException ex) when (!x.ResponseStarted)
        {
            await x.ErrorAsync(ex.Status, ex.Code, ex.Message);
        }
        catch (Exception ex) when (!x.ResponseStarted && ex is not (OperationCanceledException or IOException or SocketException))
        {
            await Console.Error.WriteLineAsync($"aurora: {x.Request.Method} {x.Request.RawPath} failed: {ex}");
            await x.ErrorAsync(500, "internal_error", ex.Message);
        }
    }

    /// The next request's head, or null when the client closed the connection between requests.
    private static async Task<HttpRequest?> ReadHeadAsync(ConnectionStream connection, CancellationToken ct)
    {
        while (true)
        {
            var buffered = connection.Buffered;
            // Blank lines before a request line are ignored (RFC 9112 §2.2).
            var skip = 0;
            while (skip + 1 < buffered.Length && buffered[skip] == '\r' && buffered[skip + 1] == '\n')
            {
                skip += 2;
            }

            connection.Consume(skip);
            buffered = connection.Buffered;
            var end = buffered.IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var request = HttpRequest.Parse(buffered[..end]);
                connection.Consume(end + 4);
                return request;
            }

            if (!await connection.FillAsync(HttpRequest.MaxHeadBytes, ct))
            {
                return connection.Buffered.IsEmpty ? null : throw new HttpProtocolException(400, "bad_request", "the connection closed mid-request");
            }
        }
    }

    private static async Task DropBodyAsync(ConnectionStream connection, HttpRequest request, CancellationToken ct)
    {
        var chunked = request.Header("Transfer-Encoding") is { } te
            && (te.Trim().EndsWith("chunked", StringComparison.OrdinalIgnoreCase)
                ? true
                : throw new HttpProtocolException(501, "unsupported_transfer_encoding", $"Transfer-Encoding {te} is not supported"));
        long length = 0;
        if (!chunked && request.Header("Content-Length") is { } cl && (!long.TryParse(cl, out length) || length < 0))
        {
            throw new HttpProtocolException(400, "bad_request", "invalid Content-Length");
        }

        if (length > MaxBodyBytes)
        {
            throw BodyTooLarge();
        }

        if ((chunked || length > 0) && request.HeaderHasToken("Expect", "100-continue"))
        {
            await connection.WriteAsync(Continue, ct);
        }

        if (!chunked)
        {
            await SkipAsync(connection, length, ct);
            return;
        }

        long total = 0;
        while (true)
        {
            var line = await ReadLineAsync(connection, ct);
            var size = line.Split(';')[0].Trim();
            if (!long.TryParse(size, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var n) || n < 0)
            {
                throw new HttpProtocolException(400, "bad_request", "invalid chunk size");
            }

            if ((total += n) > MaxBodyBytes)
            {
                throw BodyTooLarge();
            }

            if (n == 0)
            {
                // Trailer fields, up to the blank line.
                while ((await ReadLineAsync(connection, ct)).Length > 0)
                {
                }

                return;
            }

            await SkipAsync(connection, n, ct);
            if ((await ReadLineAsync(connection, ct)).Length != 0)
            {
                throw new HttpProtocolException(400, "bad_request", "chunk data longer than its size");
            }
        }
    }

    private static HttpProtocolException BodyTooLarge() =>
        new(413, "body_too_large", $"request bodies are limited to {MaxBodyBytes} bytes");

    private static async Task SkipAsync(ConnectionStream connection, long count, CancellationToken ct)
    {
        while (count > 0)
        {
            if (connection.Buffered.IsEmpty && !await connection.FillAsync(HttpRequest.MaxHeadBytes, ct))
            {
                throw new HttpProtocolException(400, "bad_request", "the connection closed mid-body");
            }

            var take = (int)Math.Min(count, connection.Buffered.Length);
            connection.Consume(take);
            count -= take;
        }
    }

    private static async Task<string> ReadLineAsync(ConnectionStream connection, CancellationToken ct)
    {
        while (true)
        {
            var end = connection.Buffered.IndexOf("\r\n"u8);
            if (end >= 0)
            {
                var line = Encoding.Latin1.GetString(connection.Buffered[..end]);
                connection.Consume(end + 2);
                return line;
            }

            if (!await connection.FillAsync(8 * 1024, ct))
            {
                throw new HttpProtocolException(400, "bad_request", "the connection closed mid-body");
            }
        }
    }

    /// Answered as to an HTTP/1.0 request: the usual JSON error, then Connection: close.
    private async Task RefuseAsync(ConnectionStream connection, HttpProtocolException ex)
    {
        try
        {
            await new HttpExchange(Unframed, connection, overTcp: false, stopping).ErrorAsync(ex.Status, ex.Code, ex.Message);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }
}
