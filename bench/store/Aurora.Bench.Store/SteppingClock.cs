namespace Aurora.Bench.Store;

/// A clock that moves forward a fixed step on every reading, so a million events span weeks of history
/// (for recency and `since`) without waiting for them.
internal sealed class SteppingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, step.Ticks), TimeSpan.Zero);
}
