using System.Runtime.InteropServices;

namespace Aurora.Daemon.Resources;

/// Reads small /proc files with plain open/read/pread/close into the caller's buffer: no FileStream, no string,
/// no allocation (File.OpenHandle would add an fstat and a flock per file).
internal static unsafe partial class ProcFiles
{
    private const int O_RDONLY = 0, O_CLOEXEC = 0x80000, RLIMIT_NOFILE = 7;

    /// Opens the NUL-terminated path; -1 when it is gone.
    public static int Open(ReadOnlySpan<byte> path)
    {
        fixed (byte* p = path)
        {
            return open(p, O_RDONLY | O_CLOEXEC);
        }
    }

    /// Reads up to buffer.Length bytes; 0 at the end, -1 on an error (the process went away meanwhile).
    public static int Read(int fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return (int)read(fd, p, (nuint)buffer.Length);
        }
    }

    /// Fills the buffer with linux_dirent64 records of the open directory; 0 at the end, -1 on an error.
    public static int ReadDirectory(int fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return (int)getdents64(fd, p, (nuint)buffer.Length);
        }
    }

    /// Reads from `offset` without moving the file position: a /proc file read again at 0 is generated afresh.
    public static int ReadAt(int fd, Span<byte> buffer, long offset)
    {
        fixed (byte* p = buffer)
        {
            return (int)pread(fd, p, (nuint)buffer.Length, offset);
        }
    }

    /// Back to the first entry of an open directory.
    public static bool Rewind(int fd) => lseek(fd, 0, 0) == 0;

    public static void Close(int fd) => close(fd);

    /// The soft limit on open files (RLIMIT_NOFILE), or 1024 when it cannot be read.
    public static long OpenFilesLimit()
    {
        var limit = stackalloc ulong[2];
        return getrlimit(RLIMIT_NOFILE, limit) == 0 ? (long)Math.Min(limit[0], long.MaxValue) : 1024;
    }

    [LibraryImport("libc")]
    private static partial nint pread(int fd, byte* buffer, nuint count, long offset);

    [LibraryImport("libc")]
    private static partial long lseek(int fd, long offset, int whence);

    [LibraryImport("libc")]
    private static partial int getrlimit(int resource, ulong* limit);

    [LibraryImport("libc")]
    private static partial int open(byte* path, int flags);

    [LibraryImport("libc")]
    private static partial nint read(int fd, byte* buffer, nuint count);

    // glibc 2.30 and later (Debian 11+); the record layout is the kernel's, the same on every architecture.
    [LibraryImport("libc")]
    private static partial nint getdents64(int fd, byte* buffer, nuint count);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
