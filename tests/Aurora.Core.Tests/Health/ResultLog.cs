using Aurora.Core.Health;

namespace Aurora.Core.Tests.Health;

/// Records each result delivered by the scheduler with the fake time it arrived at.
internal sealed class ResultLog(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset At, HealthResult Result)> _entries = [];

    public IReadOnlyList<(DateTimeOffset At, HealthResult Result)> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public void Add(HealthResult result)
    {
        lock (_gate)
        {
            _entries.Add((time.GetUtcNow(), result));
        }
    }
}
