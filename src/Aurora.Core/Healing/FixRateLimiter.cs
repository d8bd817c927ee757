using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// At most N fix attempts per (service, cause) within a window (3 an hour by default), so healing can
/// never become a storm. Evaluated against the clock when asked; no timer.
public sealed class FixRateLimiter(int count, TimeSpan within, TimeProvider time)
{
    private readonly Dictionary<(string, string), RestartLimiter> _windows = [];
    private readonly Lock _gate = new();

    public bool TryAcquire(string service, string cause)
    {
        lock (_gate)
        {
            if (!_windows.TryGetValue((service, cause), out var window))
            {
                _windows[(service, cause)] = window = new RestartLimiter(new Config.RestartLimit(count, within));
            }

            // RestartLimiter trips on the attempt past the limit; an attempt that trips it is not made.
            return !window.RecordFailure(time.GetUtcNow());
        }
    }
}
