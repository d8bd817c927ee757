using System.Buffers.Binary;
using System.Text;
using Aurora.Daemon.Resources;

namespace Aurora.Daemon.Forecasting;

/// A process's open files, read from /proc with the sampler's plain syscalls (no strings, no allocation per
/// entry): the entries of /proc/PID/fd, and its RLIMIT_NOFILE soft limit from /proc/PID/limits, read once per
/// process (a limit only changes by prlimit from outside, rare enough to wait for a restart).
internal sealed class OpenFiles
{
    private static readonly byte[] MaxOpenFiles = "Max open files"u8.ToArray();

    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly byte[] _path = new byte[64];
    private readonly Dictionary<int, long> _limits = [];
    private readonly HashSet<int> _seen = [];

    /// The number of open files of the process, or -1 when it is gone (or its fds cannot be read: another user's).
    public int Count(int pid)
    {
        var fd = ProcFiles.Open(Path(pid, "fd"u8));
        if (fd < 0)
        {
            return -1;
        }

        try
        {
            var count = 0;
            int n;
            while ((n = ProcFiles.ReadDirectory(fd, _buffer)) > 0)
            {
                count += Entries(_buffer.AsSpan(0, n));
            }

            return n < 0 ? -1 : count;
        }
        finally
        {
            ProcFiles.Close(fd);
        }
    }

    /// The process's soft limit on open files; null when it is unlimited or cannot be read.
    public long? Limit(int pid)
    {
        _seen.Add(pid);
        if (_limits.TryGetValue(pid, out var known))
        {
            return known > 0 ? known : null;
        }

        var limit = ReadLimit(pid);
        _limits[pid] = limit ?? 0;
        return limit;
    }

    /// Forgets the limits of processes not asked about since the last call.
    public void EndRound()
    {
        foreach (var pid in _limits.Keys.Where(p => !_seen.Contains(p)).ToList())
        {
            _limits.Remove(pid);
        }

        _seen.Clear();
    }

    /// linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name; "." and ".." are not files.
    private static int Entries(ReadOnlySpan<byte> records)
    {
        var count = 0;
        for (var at = 0; at + 19 < records.Length;)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(records[(at + 16)..]);
            if (records[at + 19] != (byte)'.')
            {
                count++;
            }

            at += Math.Max((int)length, 1);
        }

        return count;
    }

    private long? ReadLimit(int pid)
    {
        var fd = ProcFiles.Open(Path(pid, "limits"u8));
        if (fd < 0)
        {
            return null;
        }

        int n;
        try
        {
            n = ProcFiles.Read(fd, _buffer);
        }
        finally
        {
            ProcFiles.Close(fd);
        }

        return n > 0 ? ParseLimit(_buffer.AsSpan(0, n)) : null;
    }

    /// The soft limit on the "Max open files" line of /proc/PID/limits ("unlimited": null).
    public static long? ParseLimit(ReadOnlySpan<byte> limits)
    {
        var at = limits.IndexOf(MaxOpenFiles);
        if (at < 0)
        {
            return null;
        }

        var line = limits[(at + MaxOpenFiles.Length)..];
        var end = line.IndexOf((byte)'\n');
        var fields = Encoding.ASCII.GetString(end < 0 ? line : line[..end]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 0 && long.TryParse(fields[0], out var soft) && soft > 0 ? soft : null;
    }

    /// "/proc/PID/LEAF" and a NUL, in the reused buffer.
    private ReadOnlySpan<byte> Path(int pid, ReadOnlySpan<byte> leaf)
    {
        var path = _path.AsSpan();
        "/proc/"u8.CopyTo(path);
        pid.TryFormat(path[6..], out var digits);
        var at = 6 + digits;
        path[at++] = (byte)'/';
        leaf.CopyTo(path[at..]);
        at += leaf.Length;
        path[at++] = 0;
        return path[..at];
    }
}
