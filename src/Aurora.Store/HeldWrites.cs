using System.Runtime.InteropServices;

namespace Aurora.Store;

/// What the writer could not store while the disk was full: the writes in order, at most MaxEvents events and
/// MaxBytes of their data. Past either bound the oldest writes go first (counted), so the memory a long outage
/// takes stays bounded and what is kept is the most recent state.
internal sealed class HeldWrites
{
    public const int MaxEvents = 50_000;

    public const long MaxBytes = 32L * 1024 * 1024;

    private readonly Queue<WriteRequest> _writes = new();
    private readonly int _maxEvents;
    private readonly long _maxBytes;
    private int _events;
    private long _bytes;

    public HeldWrites(int maxEvents = MaxEvents, long maxBytes = MaxBytes)
    {
        _maxEvents = maxEvents;
        _maxBytes = maxBytes;
    }

    public int Count => _writes.Count;

    /// Held events, not yet written.
    public int Events => _events;

    /// Events pushed out by the bound since the outage began.
    public long Dropped { get; private set; }

    public void Add(WriteRequest write)
    {
        _writes.Enqueue(write);
        Tally(write, +1);
        while ((_events > _maxEvents || _bytes > _maxBytes) && _writes.Count > 1)
        {
            Dropped += EventsIn(Remove());
        }
    }

    /// The oldest writes, up to max of them, still held until Remove.
    public List<WriteRequest> Peek(int max) => [.. _writes.Take(max)];

    public WriteRequest Remove()
    {
        var write = _writes.Dequeue();
        Tally(write, -1);
        return write;
    }

    public void Reset() => Dropped = 0;

    public static int EventsIn(WriteRequest write) => write is WriteRequest.Append ? 1 : 0;

    private void Tally(WriteRequest write, int sign)
    {
        _events += sign * EventsIn(write);
        _bytes += sign * SizeOf(write);
    }

    private static long SizeOf(WriteRequest write) => write switch
    {
        WriteRequest.Append a => 96 + JsonMarshal.GetRawUtf8Value(a.Event.Data).Length,
        WriteRequest.Minutes m => 64L * m.Samples.Count,
        _ => 64,
    };
}
