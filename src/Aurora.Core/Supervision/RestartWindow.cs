using System.Collections.Immutable;
using Aurora.Core.Config;

namespace Aurora.Core.Supervision;

/// Failures in a sliding window, as a value: more than Limit.Count of them within Limit.Within trips it.
/// No timer: the window is evaluated against the clock when a failure is recorded.
public static class RestartWindow
{
    /// Records a failure at `now`; Exceeded when this failure is one more than the limit allows.
    public static (ImmutableArray<DateTimeOffset> Failures, bool Exceeded) Record(ImmutableArray<DateTimeOffset> failures, DateTimeOffset now,
        RestartLimit limit)
    {
        // A failure "ahead" of now means the wall clock was set back since: it cannot be placed in the window, and
        // keeping it would count it until the clock caught up (an hour back: an hour of quarantines from one crash).
        var kept = failures.IsDefault ? [] : failures.RemoveAll(t => now - t > limit.Within || t > now);
        kept = kept.Add(now);
        return (kept, kept.Length > limit.Count);
    }
}
