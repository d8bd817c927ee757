namespace Aurora.Bench.Dashboard;

/// A count of WebSocket messages and their bytes.
internal readonly record struct Received(long Messages, long Bytes)
{
    public static Received operator -(Received a, Received b) => new(a.Messages - b.Messages, a.Bytes - b.Bytes);
}
