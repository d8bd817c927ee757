namespace Aurora.Daemon.Http;

/// One accepted connection: its bytes, the listener it came through, and whether it has shown the
/// token (which takes it out of the listener's unauthenticated budget).
internal sealed class HttpConnection(ConnectionStream stream, Listener listener) : IDisposable
{
    private readonly Lock _gate = new();
    private bool _disposed;

    public ConnectionStream Stream { get; } = stream;

    /// It came over the TCP (dashboard) listener rather than the private unix socket.
    public bool OverTcp => listener.OverTcp;

    public ListenerLimits Limits => listener.Limits;

    public bool Authenticated { get; private set; }

    public void MarkAuthenticated()
    {
        lock (_gate)
        {
            if (Authenticated || _disposed)
            {
                return;
            }

            Authenticated = true;
            listener.Budget.Authenticated();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            listener.Budget.Release(Authenticated);
        }

        Stream.Dispose();
    }
}
