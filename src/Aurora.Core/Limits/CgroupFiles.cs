using System.Text;

namespace Aurora.Core.Limits;

/// Reading and writing cgroup control files. A control file exists only when the kernel offers it (memory.swap.max
/// without swap accounting, memory.oom_control's oom_kill on an older kernel…), so a write never creates one:
/// a file that is not there is "not offered", which the callers treat as such.
internal static class CgroupFiles
{
    /// Writes `value` into an existing control file; false when the file is not there. Other failures (EINVAL,
    /// EBUSY, EACCES) throw IOException or UnauthorizedAccessException with the file named.
    public static bool Write(string dir, string file, string value)
    {
        var path = Path.Combine(dir, file);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            // A plain write(2), no seek: a control file of a group being removed answers lseek with ENODEV, which
            // .NET's positional write (RandomAccess) turns into "Stream does not support seeking".
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            stream.Write(Encoding.ASCII.GetBytes(value));
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false; // the group was removed meanwhile
        }
        catch (IOException ex)
        {
            throw new IOException($"cannot write {value.Trim()} to {path}: {ex.Message}", ex);
        }
    }

    public static string? Read(string dir, string file)
    {
        try
        {
            return File.ReadAllText(Path.Combine(dir, file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// The number after `key` in a flat keyed file ("oom_kill 3", "populated 1", "max 12"); 0 when absent.
    public static long Keyed(string dir, string file, string key)
    {
        foreach (var line in (Read(dir, file) ?? "").Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[0] == key && long.TryParse(parts[1], out var n))
            {
                return n;
            }
        }

        return 0;
    }

    /// The pids in a cgroup.procs file.
    public static List<int> Pids(string dir)
    {
        var pids = new List<int>();
        foreach (var line in (Read(dir, "cgroup.procs") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(line, out var pid))
            {
                pids.Add(pid);
            }
        }

        return pids;
    }

    /// rmdir; false when it is not there any more or still holds processes (EBUSY).
    public static bool Remove(string dir)
    {
        try
        {
            Directory.Delete(dir);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
