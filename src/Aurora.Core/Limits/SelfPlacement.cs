using System.Globalization;

namespace Aurora.Core.Limits;

/// Whether a service's process put itself into a cgroup of its own choosing before Aurora placed it: a command
/// like `cgexec -g memory:small …`, `systemd-run --scope -p MemoryMax=…` or `echo $$ > …/cgroup.procs && exec …`
/// runs in the moment between the spawn and the attach. A spawned process starts in its spawner's cgroups (the
/// daemon's, or the holder's); a hierarchy where it sits elsewhere is one it moved itself in, and Aurora leaves
/// it there rather than undo the user's placement (the limits of the group it chose are the ones that hold).
public static class SelfPlacement
{
    /// The child's cgroup (`controllers:path`, or the path on v2) where it differs from its spawner's in a
    /// hierarchy Aurora places services in (v2, or a v1 one of memory, cpu, pids), from the two /proc/PID/cgroup
    /// texts; null when it sits where it was spawned.
    public static string? Moved(string childCgroup, string spawnerCgroup)
    {
        var spawner = Lines(spawnerCgroup);
        foreach (var (hierarchy, path) in Lines(childCgroup))
        {
            var placed = hierarchy.Length == 0 || hierarchy.Split(',').Any(CgroupLayout.Used.Contains);
            if (placed && spawner.TryGetValue(hierarchy, out var where) && where != path)
            {
                return hierarchy.Length == 0 ? path : $"{hierarchy}:{path}";
            }
        }

        return null;
    }

    /// The same for a live process, against its parent (the spawner); null when it has not moved, or when either
    /// cannot be read (gone, or the parent is no longer the spawner: that is no evidence of a move).
    public static string? Moved(int pid, int spawnerPid)
    {
        var child = Read($"/proc/{pid}/cgroup");
        var spawner = Read($"/proc/{spawnerPid}/cgroup");
        return child is null || spawner is null ? null : Moved(child, spawner);
    }

    /// The parent pid of a process (`PPid:` of /proc/PID/status); null when it is gone.
    public static int? ParentOf(int pid)
    {
        var status = Read($"/proc/{pid}/status");
        var line = status?.Split('\n').FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
        return line is not null && int.TryParse(line[5..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ppid) && ppid > 0
            ? ppid : null;
    }

    /// "4:memory:/a/b" → ("memory", "/a/b"); "0::/x" → ("", "/x") (v2). Keyed by the controllers, not the
    /// hierarchy number, which is the same for both processes anyway.
    private static Dictionary<string, string> Lines(string text)
    {
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(':', 3);
            if (parts.Length == 3)
            {
                lines[parts[1]] = parts[2];
            }
        }

        return lines;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
