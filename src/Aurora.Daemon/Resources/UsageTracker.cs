using System.Collections.Concurrent;

namespace Aurora.Daemon.Resources;

/// Turns CPU tick counters into a percentage of one core between two reads of the same process tree.
public sealed class UsageTracker(TimeProvider time)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    private readonly ConcurrentDictionary<int, (long Ticks, long Timestamp)> _last = new();

    public IReadOnlyDictionary<int, (double CpuPercent, long RssBytes)> Sample(IReadOnlySet<int> groups)
    {
        var now = time.GetTimestamp();
        var usage = TreeUsage.ReadTrees(groups);
        var result = new Dictionary<int, (double, long)>();
        foreach (var (pgid, u) in usage)
        {
            double cpu = 0;
            if (_last.TryGetValue(pgid, out var prev))
            {
                var seconds = time.GetElapsedTime(prev.Timestamp, now).TotalSeconds;
                cpu = seconds > 0 ? Math.Max(0, (u.CpuTicks - prev.Ticks) / TicksPerSecond / seconds * 100) : 0;
            }

            _last[pgid] = (u.CpuTicks, now);
            result[pgid] = (Math.Round(cpu, 1), u.RssBytes);
        }

        foreach (var stale in _last.Keys.Where(k => !groups.Contains(k)))
        {
            _last.TryRemove(stale, out _);
        }

        return result;
    }
}
