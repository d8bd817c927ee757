namespace Aurora.Daemon.Http;

/// Counts one listener's open connections, and those that have not yet shown the token.
internal sealed class ConnectionBudget(ListenerLimits limits)
{
    private readonly Lock _gate = new();
    private int _open;
    private int _unauthenticated;

    public int Open
    {
        get
        {
            lock (_gate)
            {
                return _open;
            }
        }
    }

    /// False when the listener is full: the new connection is to be closed at once.
    public bool TryAdmit()
    {
        lock (_gate)
        {
            if (_open >= limits.MaxConnections || _unauthenticated >= (limits.MaxUnauthenticated ?? int.MaxValue))
            {
                return false;
            }

            _open++;
            _unauthenticated++;
            return true;
        }
    }

    /// The connection showed the token: it no longer counts against MaxUnauthenticated.
    public void Authenticated()
    {
        lock (_gate)
        {
            _unauthenticated--;
        }
    }

    public void Release(bool authenticated)
    {
        lock (_gate)
        {
            _open--;
            if (!authenticated)
            {
                _unauthenticated--;
            }
        }
    }
}
