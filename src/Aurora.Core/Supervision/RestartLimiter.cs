using System.Collections.Immutable;
using Aurora.Core.Config;

namespace Aurora.Core.Supervision;

/// A mutable holder of a RestartWindow, for callers that keep one per key (the healer's rate limit).
public sealed class RestartLimiter(RestartLimit limit)
{
    private ImmutableArray<DateTimeOffset> _failures = [];

    public RestartLimit Limit { get; set; } = limit;

    public int RecentFailures => _failures.Length;

    /// Records a failure at `now`; true when this failure exceeds the limit.
    public bool RecordFailure(DateTimeOffset now)
    {
        (_failures, var exceeded) = RestartWindow.Record(_failures, now, Limit);
        return exceeded;
    }

    public void Reset() => _failures = [];
}
