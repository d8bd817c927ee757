namespace Aurora.Daemon.Http;

/// What one listener allows its connections. Each listener has its own budget, so clients of the TCP
/// dashboard can never take the slots the CLI needs on the unix socket.
/// - MaxConnections: beyond it a new connection is closed at once (a client opening sockets in a loop
///   must not exhaust the daemon's descriptors).
/// - MaxUnauthenticated: how many may be open before presenting the token (null: no token is asked).
/// - HeadTimeout: how long a request head (and its body) may take, counted from the moment the server
///   waits for it: after the accept, or after the previous response on a kept-alive connection.
/// - WriteTimeout: how long one write may make no progress; a client that stops reading is cut off.
/// - WebSocketKeepAlive / WebSocketPongTimeout: a WebSocket is pinged this often and cut off when no
///   pong comes back in time (a peer that stopped reading never answers).
internal sealed record ListenerLimits(
    int MaxConnections,
    int? MaxUnauthenticated,
    TimeSpan HeadTimeout,
    TimeSpan WriteTimeout,
    TimeSpan WebSocketKeepAlive,
    TimeSpan WebSocketPongTimeout)
{
    /// The private control socket: the CLI, scripts, `logs -f` and `events -f` for as long as they like.
    public static readonly ListenerLimits Unix = new(
        MaxConnections: 512,
        MaxUnauthenticated: null,
        HeadTimeout: TimeSpan.FromMinutes(2),
        WriteTimeout: TimeSpan.FromSeconds(30),
        WebSocketKeepAlive: TimeSpan.FromSeconds(30),
        WebSocketPongTimeout: TimeSpan.FromSeconds(30));

    /// The dashboard's TCP listener: anyone who can reach the port can connect, token or not.
    public static readonly ListenerLimits Tcp = Unix with
    {
        MaxUnauthenticated = 64,
        HeadTimeout = TimeSpan.FromSeconds(10),
    };
}
