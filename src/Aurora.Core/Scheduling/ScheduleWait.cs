namespace Aurora.Core.Scheduling;

/// Waits until a scheduled run is due. A timer takes at most about 49.7 days (a uint of milliseconds; Task.Delay
/// throws beyond it), but a run may be further away (`every:` allows 366 days; "0 0 1 6 *" in November is half a
/// year): the wait is taken in steps of at most a day, each reading the clock again.
public static class ScheduleWait
{
    public static readonly TimeSpan MaxStep = TimeSpan.FromDays(1);

    public static async Task UntilAsync(DateTimeOffset at, TimeProvider time, CancellationToken ct)
    {
        for (var left = at - time.GetUtcNow(); left > TimeSpan.Zero; left = at - time.GetUtcNow())
        {
            await Task.Delay(left < MaxStep ? left : MaxStep, time, ct);
        }
    }
}
