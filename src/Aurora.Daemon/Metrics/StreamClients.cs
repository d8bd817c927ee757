namespace Aurora.Daemon.Metrics;

/// How many clients follow the event stream (GET /api/v1/events/stream) right now: the dashboard's tabs,
/// `aurora events -f`, `aurora status -w`, editors.
internal sealed class StreamClients
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// Counts a client until the returned handle is disposed.
    public IDisposable Connect()
    {
        Interlocked.Increment(ref _count);
        return new Connection(this);
    }

    private sealed class Connection(StreamClients clients) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref clients._count);
            }
        }
    }
}
