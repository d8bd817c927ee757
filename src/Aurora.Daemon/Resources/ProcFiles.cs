using System.Runtime.InteropServices;

namespace Aurora.Daemon.Resources;

/// Reads small /proc files with plain open/read/close into the caller's buffer: no FileStream, no string, no
/// allocation (File.OpenHandle would add an fstat and a flock per file, on 400 files a second at 200 services).
internal static unsafe partial class ProcFiles
{
    private const int O_RDONLY = 0, O_CLOEXEC = 0x80000;

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

    public static void Close(int fd) => close(fd);

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
