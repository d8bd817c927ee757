using System.Net;

namespace Aurora.Daemon.Http;

/// The daemon's HTTP/1.1 server: the control API on the unix socket and, with `dashboard:`, the same API
/// and the page on TCP. It is deliberately small (its clients are the CLI, the dashboard page and local
/// scripts): keep-alive, Content-Length and chunked request bodies (read and dropped: no route takes a
/// body), streamed responses, and WebSocket upgrades; heads up to 32 KB, bodies up to 1 MB. Each listener
/// has its own limits (ListenerLimits): connections, unauthenticated ones, head and write timeouts. It
/// replaced ASP.NET Core/Kestrel, which cost the daemon about 8 MB resident (a third of it) and its own
/// threads for a dozen routes.
///
/// The parts: Listener (accept loop, budget), ConnectionLoop (one connection's requests), HeadReader and
/// BodyReader (framing), RequestDispatcher (guard, route, errors), HttpExchange (the response).
///
/// When `stopping` fires, long-lived responses (event streams, log follows) end and idle connections
/// close; StopAsync then waits for requests in progress, up to a grace period.
internal sealed class HttpServer
{
    private readonly List<Listener> _listeners = [];
    private readonly OpenConnections _open = new();
    private readonly RequestDispatcher _dispatcher;
    private readonly ConnectionLoop _loop;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private DescriptorGuard? _descriptors;

    public HttpServer(Router router, TimeProvider time, CancellationToken stopping)
    {
        _dispatcher = new RequestDispatcher(router);
        _loop = new ConnectionLoop(_dispatcher, _open, time, stopping);
        _time = time;
        _stopping = stopping;
    }

    /// Runs first for every request over TCP; returns false when it has answered (refused) the request itself.
    public Func<HttpExchange, Task<bool>>? TcpGuard
    {
        get => _dispatcher.TcpGuard;
        set => _dispatcher.TcpGuard = value;
    }

    /// Keeps the last descriptors for supervising (default: this process's `ulimit -n`, read at Start).
    public DescriptorGuard Descriptors
    {
        get => _descriptors ??= DescriptorGuard.ForThisProcess(DaemonLog.Say);
        set => _descriptors = value;
    }

    /// Raised once a connection has closed and given its listener back the slot.
    public event Action? ConnectionClosed
    {
        add => _open.Closed += value;
        remove => _open.Closed -= value;
    }

    public void ListenUnix(string path, ListenerLimits? limits = null) =>
        _listeners.Add(Listener.Unix(path, limits ?? ListenerLimits.Unix));

    /// Returns the port bound (the one asked for, or the one the kernel chose for port 0).
    public int ListenTcp(IPAddress address, int port, ListenerLimits? limits = null)
    {
        var listener = Listener.Tcp(address, port, limits ?? ListenerLimits.Tcp);
        _listeners.Add(listener);
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    public void Start()
    {
        // Console.Error dups fd 2 on first use: take that descriptor now, so that an accept that fails for want of
        // descriptors (EMFILE) can still be reported.
        _ = Console.Error;
        var descriptors = Descriptors;
        foreach (var listener in _listeners)
        {
            _ = listener.AcceptAsync(_loop, descriptors, _time, _stopping);
        }
    }

    /// Closes the listeners and waits for connections to finish (stopping must have fired, or be about to);
    /// what is still open after `grace` is cut.
    public async Task StopAsync(TimeSpan grace)
    {
        CloseListeners();
        await _open.DrainAsync(grace, _time);
    }

    public void CloseListeners()
    {
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }
    }
}
