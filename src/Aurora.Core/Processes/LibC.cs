using System.Runtime.InteropServices;

namespace Aurora.Core.Processes;

/// The libc calls the process layer needs. Linux x86_64/arm64 only.
internal static unsafe partial class LibC
{
    public const int ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, EACCES = 13, ENOTDIR = 20, ECHILD = 10;
    public const int WNOHANG = 1;
    public const int PR_SET_CHILD_SUBREAPER = 36;
    public const int AF_UNIX = 1, SOCK_STREAM = 1, SOCK_CLOEXEC = 0x80000, SOCK_NONBLOCK = 0x800;
    public const int O_RDONLY = 0, O_WRONLY = 1;
    public const int X_OK = 1;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int kill(int pid, int sig);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int waitpid(int pid, int* status, int options);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int socketpair(int domain, int type, int protocol, int* fds);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial long syscall(long number, long arg1, long arg2, long arg3, long arg4);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int access(string path, int mode);

    [LibraryImport("libc")]
    public static partial uint umask(uint mask);
}
