namespace Aurora.Core.Processes.Holding;

/// Output the holder read from a service while no daemon was connected, kept for the next one: at most
/// Capacity bytes per service. Past it the oldest chunks are dropped (and counted), never the service blocked:
/// the holder goes on reading, so a service writing while no daemon runs is never stopped by a full pipe.
internal sealed class HeldOutput
{
    /// 1 MiB: some 15,000 lines of 70 characters per service.
    public const int Capacity = 1024 * 1024;

    private readonly Queue<byte[]> _chunks = new();

    public long Bytes { get; private set; }

    /// Bytes dropped since the last handover, oldest first.
    public long Dropped { get; private set; }

    public void Add(ReadOnlySpan<byte> chunk)
    {
        _chunks.Enqueue(chunk.ToArray());
        Bytes += chunk.Length;
        while (Bytes > Capacity && _chunks.Count > 1)
        {
            var oldest = _chunks.Dequeue();
            Bytes -= oldest.Length;
            Dropped += oldest.Length;
        }
    }

    /// Hands the held chunks over, oldest first, and forgets them.
    public List<byte[]> Take()
    {
        var all = _chunks.ToList();
        _chunks.Clear();
        Bytes = 0;
        Dropped = 0;
        return all;
    }
}
