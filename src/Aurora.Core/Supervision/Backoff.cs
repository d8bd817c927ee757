using Aurora.Core.Config;

namespace Aurora.Core.Supervision;

/// The restart delay, as one pure function (Polly's RetryHelper keeps its exponential math internal,
/// so this is the same shape in the open): initial × multiplier^(attempt-1), capped at max, with
/// symmetric jitter of ±jitter drawn from an injected source of [0, 1) numbers.
public static class Backoff
{
    public static TimeSpan Next(int attempt, BackoffOptions options, Func<double> random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (options.Initial <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Min(attempt - 1, 64);
        var raw = options.Initial.TotalMilliseconds * Math.Pow(options.Multiplier, exponent);
        var capped = Math.Min(raw, options.Max.TotalMilliseconds);
        var jittered = capped * (1 + (options.Jitter * ((random() * 2) - 1)));
        return TimeSpan.FromMilliseconds(Math.Clamp(jittered, 0, options.Max.TotalMilliseconds));
    }
}
