using System.Globalization;
using System.Runtime.InteropServices;

namespace Aurora.Daemon.Hosting;

/// Gives back the pages of the daemon's own files (its executable, and SQLite's library beside it) that bring-up
/// read and an idle daemon does not touch. A page of code, once faulted in, stays in the process's RSS for good, and
/// the kernel maps 64 KiB around each fault: after bring-up some 12 MB of the 14.8 MB native executable were resident
/// at 200 services, of which an idle daemon uses about 4 (measured with process_madvise from outside, then here).
/// MADV_PAGEOUT (Linux 5.4) reclaims the clean, read-only pages that only this process maps; what is used again
/// faults back in from the page cache, or the disk (the cost of the first use of a cold path after a trim). Relocated
/// data (private, dirty) and libc (mapped by every process) are left alone by the kernel.
internal static partial class ImagePages
{
    private const int MADV_PAGEOUT = 21;

    /// Read-only mappings of the files in the executable's directory (a test's own directory). Best effort: an old kernel (EINVAL) or any
    /// error leaves the pages where they are.
    public static void PageOut()
    {
        if (Path.GetDirectoryName(Environment.ProcessPath) is { } directory)
        {
            PageOut(directory);
        }
    }

    internal static void PageOut(string directory)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                if (Parse(line, directory) is var (start, length))
                {
                    _ = madvise(start, length, MADV_PAGEOUT);
                }
            }
        }
        catch (IOException)
        {
        }
    }

    /// "start-end perms offset dev inode path": a mapping of a file under directory that is not writable.
    internal static (nint Start, nuint Length)? Parse(string line, string directory)
    {
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length < 6 || fields[1].Contains('w', StringComparison.Ordinal)
            || !fields[5].StartsWith(directory + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var dash = fields[0].IndexOf('-', StringComparison.Ordinal);
        if (dash < 0
            || !ulong.TryParse(fields[0].AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var start)
            || !ulong.TryParse(fields[0].AsSpan(dash + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var end)
            || end <= start)
        {
            return null;
        }

        return ((nint)start, (nuint)(end - start));
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int madvise(nint address, nuint length, int advice);
}
