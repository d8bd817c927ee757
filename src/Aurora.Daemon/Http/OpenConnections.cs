namespace Aurora.Daemon.Http;

/// The connections being served, so that stopping can wait for them to finish (and cut the rest).
internal sealed class OpenConnections
{
    private readonly HashSet<HttpConnection> _open = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource? _drained;

    /// Raised once a connection has closed and given back its slot.
    public event Action? Closed;

    public void Add(HttpConnection connection)
    {
        lock (_gate)
        {
            _open.Add(connection);
        }
    }

    public void Remove(HttpConnection connection)
    {
        lock (_gate)
        {
            _open.Remove(connection);
            if (_open.Count == 0)
            {
                _drained?.TrySetResult();
            }
        }

        Closed?.Invoke();
    }

    /// Waits until every connection has closed; what is still open after `grace` is cut.
    public async Task DrainAsync(TimeSpan grace, TimeProvider time)
    {
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
            HttpConnection[] left;
            lock (_gate)
            {
                left = [.. _open];
            }

            foreach (var connection in left)
            {
                connection.Dispose();
            }
        }
    }
}
