using System.Runtime.InteropServices;

namespace Aurora.Daemon.Forecasting;

/// statvfs(3) of a path: the bytes an unprivileged process may still write (f_bavail) and the size of the file
/// system (f_blocks), both in f_frsize units.
internal static unsafe partial class FreeSpace
{
    /// (Available, Total) in bytes, or null when the path cannot be read (gone, no permission).
    public static (long Available, long Total)? Of(string path)
    {
        // struct statvfs on LP64 glibc: eleven 8-byte fields (f_bsize, f_frsize, f_blocks, f_bfree, f_bavail, f_files,
        // f_ffree, f_favail, f_fsid, f_flag, f_namemax) and 24 spare bytes: 112 bytes; a little more is room to spare.
        var buffer = stackalloc ulong[32];
        if (statvfs(path, buffer) != 0)
        {
            return null;
        }

        var unit = buffer[1] == 0 ? buffer[0] : buffer[1];
        return ((long)Math.Min(buffer[4] * unit, long.MaxValue), (long)Math.Min(buffer[2] * unit, long.MaxValue));
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statvfs(string path, ulong* buffer);
}
