using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Chaos;

/// A machine whose wall clock is set by hand: GetUtcNow is the fake's time plus Offset, which may go backwards
/// (FakeTimeProvider.SetUtcNow refuses to); timestamps and timers stay the fake's, monotonic, as the kernel's
/// CLOCK_MONOTONIC does when someone runs `date -s`.
internal sealed class SkewedTimeProvider(FakeTimeProvider monotonic) : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => monotonic.GetUtcNow() + Offset;

    public override long GetTimestamp() => monotonic.GetTimestamp();

    public override long TimestampFrequency => monotonic.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => monotonic.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        monotonic.CreateTimer(callback, state, dueTime, period);
}
