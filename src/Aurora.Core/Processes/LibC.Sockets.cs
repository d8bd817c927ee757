using System.Runtime.InteropServices;

namespace Aurora.Core.Processes;

/// Unix sockets, descriptor passing (SCM_RIGHTS) and poll: what the holder and its client need below .NET's
/// Socket, which cannot pass descriptors.
internal static unsafe partial class LibC
{
    public const int SOCK_SEQPACKET = 5, SOL_SOCKET = 1, SCM_RIGHTS = 1, SO_PEERCRED = 17;
    public const int MSG_NOSIGNAL = 0x4000, MSG_CMSG_CLOEXEC = 0x40000000, MSG_DONTWAIT = 0x40;
    public const short POLLIN = 0x1, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20, POLLRDHUP = 0x2000;
    public const int EAGAIN = 11, ECONNREFUSED = 111;
    public const int O_PATH = 0x200000, O_CLOEXEC = 0x80000, O_NONBLOCK = 0x800;
    public const int F_SETFL = 4, F_GETFL = 3;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Credentials
    {
        public int Pid;
        public uint Uid;
        public uint Gid;
    }

    [LibraryImport("libc", SetLastError = true)]
    public static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int bind(int fd, byte* address, int length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int connect(int fd, byte* address, int length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int listen(int fd, int backlog);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int accept4(int fd, void* address, void* length, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint sendmsg(int fd, MsgHdr* message, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint recvmsg(int fd, MsgHdr* message, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int getsockopt(int fd, int level, int name, void* value, int* length);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags, int mode);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int fcntl(int fd, int command, int argument);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int shutdown(int fd, int how);
}
