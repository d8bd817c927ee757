using System.Globalization;

namespace Aurora.Daemon.Resources;

/// CPU time and resident memory of whole process groups, read from /proc in one pass.
public readonly record struct TreeUsage(long CpuTicks, long RssBytes)
{
    private static readonly long PageSize = Environment.SystemPageSize;

    /// Sums usage per process group for the given group ids (a service's pgid is its pid).
    public static Dictionary<int, TreeUsage> ReadGroups(IReadOnlySet<int> groups)
    {
        var result = new Dictionary<int, TreeUsage>();
        if (groups.Count == 0)
        {
            return result;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (Parse(stat) is { } entry && groups.Contains(entry.Pgid))
            {
                result[entry.Pgid] = result.TryGetValue(entry.Pgid, out var sum)
                    ? new TreeUsage(sum.CpuTicks + entry.Usage.CpuTicks, sum.RssBytes + entry.Usage.RssBytes)
                    : entry.Usage;
            }
        }

        return result;
    }

    private static (int Pgid, TreeUsage Usage)? Parse(string stat)
    {
        var close = stat.LastIndexOf(')');
        if (close < 0 || close + 2 >= stat.Length)
        {
            return null;
        }

        // After ") ": field 3 is index 0, so field N is index N - 3.
        var f = stat[(close + 2)..].Split(' ');
        if (f.Length < 22)
        {
            return null;
        }

        var pgid = int.Parse(f[2], CultureInfo.InvariantCulture);
        var ticks = long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
        var rss = long.Parse(f[21], CultureInfo.InvariantCulture) * PageSize;
        return (pgid, new TreeUsage(ticks, rss));
    }
}
