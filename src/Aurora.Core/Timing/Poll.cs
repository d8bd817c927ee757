namespace Aurora.Core.Timing;

/// Waiting for a condition that nothing announces (a process that is not our child going away, a daemon
/// letting go of its lock or starting to answer): check, wait `every`, check again, until `within` has passed.
/// The one way Aurora does this, for the few places where no event exists to wait on.
public static class Poll
{
    /// True as soon as `done` holds; false when it still does not after `within`.
    public static Task<bool> UntilAsync(Func<bool> done, TimeSpan every, TimeSpan within, TimeProvider time, CancellationToken ct) =>
        UntilAsync(() => Task.FromResult(done()), every, within, time, ct);

    public static async Task<bool> UntilAsync(Func<Task<bool>> done, TimeSpan every, TimeSpan within, TimeProvider time, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            if (await done())
            {
                return true;
            }

            if (time.GetElapsedTime(started) >= within)
            {
                return false;
            }

            await Task.Delay(every, time, ct);
        }
    }
}
