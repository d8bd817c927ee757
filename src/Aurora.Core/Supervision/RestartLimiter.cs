using Aurora.Core.Config;

namespace Aurora.Core.Supervision;

/// Counts failures in a sliding window. More than Limit.Count of them within Limit.Within trips it:
/// the service is quarantined until someone starts it by hand (which calls Reset).
/// No timer: the window is evaluated against the clock when a failure is recorded.
public sealed class RestartLimiter(RestartLimit limit)
{
    private readonly Queue<DateTimeOffset> _failures = new();

    public RestartLimit Limit { get; set; } = limit;

    public int RecentFailures => _failures.Count;

    /// Records a failure at `now`; true when this failure exceeds the limit.
    public bool RecordFailure(DateTimeOffset now)
    {
        _failures.Enqueue(now);
        while (_failures.Count > 0 && now - _failures.Peek() > Limit.Within)
        {
            _failures.Dequeue();
        }

        return _failures.Count > Limit.Count;
    }

    public void Reset() => _failures.Clear();
}
