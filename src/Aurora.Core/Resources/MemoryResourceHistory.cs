using Aurora.Core.Config;

namespace Aurora.Core.Resources;

/// The minute history in memory, bounded by the same retention: for tests and for runs without a state file.
public sealed class MemoryResourceHistory(TimeProvider time) : IResourceHistory
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<(DateTimeOffset Minute, string Service), MinuteSample> _minutes = new();
    private TimeSpan _history = MonitorConfig.DefaultHistory;

    public void Append(IReadOnlyList<MinuteSample> minutes)
    {
        lock (_gate)
        {
            foreach (var m in minutes)
            {
                var key = (m.Minute, m.Service);
                _minutes[key] = _minutes.TryGetValue(key, out var stored) ? stored.Merge(m) : m;
            }

            Prune();
        }
    }

    public Task<IReadOnlyList<MinuteSample>> ReadAsync(string? service, DateTimeOffset since, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Prune();
            IReadOnlyList<MinuteSample> result =
                [.. _minutes.Values.Where(m => m.Minute >= since && (service is null || m.Service == service))];
            return Task.FromResult(result);
        }
    }

    public void Retain(TimeSpan history)
    {
        lock (_gate)
        {
            _history = history;
            Prune();
        }
    }

    private void Prune()
    {
        var cut = time.GetUtcNow() - _history;
        while (_minutes.Count > 0 && _minutes.First() is { Key.Minute: var minute } first && minute < cut)
        {
            _minutes.Remove(first.Key);
        }
    }
}
