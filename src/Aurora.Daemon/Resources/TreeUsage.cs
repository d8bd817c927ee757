using System.Globalization;

namespace Aurora.Daemon.Resources;

/// CPU time and resident memory of whole process trees, read from /proc.
public readonly record struct TreeUsage(long CpuTicks, long RssBytes)
{
    private static readonly long PageSize = Environment.SystemPageSize;

    /// Sums usage over each service's process tree (the pid and its descendants, found through
    /// /proc/PID/task/TID/children), so the cost follows the services' own processes, not every process
    /// on the machine.
    public static Dictionary<int, TreeUsage> ReadTrees(IReadOnlySet<int> roots)
    {
        var result = new Dictionary<int, TreeUsage>();
        var stack = new Stack<int>();
        foreach (var root in roots)
        {
            var sum = default(TreeUsage);
            var seen = 0;
            stack.Push(root);
            while (stack.TryPop(out var pid) && seen++ < 10_000)
            {
                if (Read($"/proc/{pid}/stat") is not { } stat || Parse(stat) is not { } entry)
                {
                    continue;
                }

                sum = new TreeUsage(sum.CpuTicks + entry.Usage.CpuTicks, sum.RssBytes + entry.Usage.RssBytes);
                foreach (var child in Children(pid))
                {
                    stack.Push(child);
                }
            }

            if (seen > 0 && sum.RssBytes > 0)
            {
                result[root] = sum;
            }
        }

        return result;
    }

    private static IEnumerable<int> Children(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var task in tasks)
        {
            if (Read(Path.Combine(task, "children")) is not { Length: > 0 } text)
            {
                continue;
            }

            foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var child))
                {
                    yield return child;
                }
            }
        }
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
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
