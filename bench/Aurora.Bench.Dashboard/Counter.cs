namespace Aurora.Bench.Dashboard;

/// WebSocket frames a page received and their bytes; Playwright raises its events on its own thread.
internal sealed class Counter
{
    private long _messages;
    private long _bytes;

    public void Add(int bytes)
    {
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _bytes, bytes);
    }

    public Received Snapshot() => new(Interlocked.Read(ref _messages), Interlocked.Read(ref _bytes));
}
