using System.Globalization;
using System.Runtime.InteropServices;

namespace Aurora.Bench.Dashboard;

/// CPU time from /proc: utime + stime (fields 14 and 15 of /proc/PID/stat), in clock ticks.
internal static partial class ProcCpu
{
    private const int ScClkTck = 2;

    public static readonly long TicksPerSecond = sysconf(ScClkTck);

    /// The process's own CPU ticks (0 once it is gone).
    public static long Ticks(int pid) => Stat(pid) is { } f ? long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture) : 0;

    /// The CPU ticks of every live descendant of `root` (not root itself).
    public static long DescendantTicks(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } f)
            {
                var parent = int.Parse(f[1], CultureInfo.InvariantCulture);
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
            }
        }

        long total = 0;
        var todo = new Stack<int>(children.GetValueOrDefault(root) ?? []);
        while (todo.TryPop(out var pid))
        {
            total += Ticks(pid);
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                todo.Push(child);
            }
        }

        return total;
    }

    /// The fields after "(comm)": [0] is the state (field 3), so field N is at N - 3.
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LibraryImport("libc")]
    private static partial long sysconf(int name);
}
