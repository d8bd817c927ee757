using System.Runtime.InteropServices;
using System.Text;

namespace Aurora.Core.Processes.Holding;

/// The holder's unix socket: SOCK_SEQPACKET, so each send is one whole frame at the other end, with at most
/// one descriptor riding along (SCM_RIGHTS). Blocking calls: the holder polls before it reads, and the
/// daemon reads on a thread of its own.
internal static unsafe class HolderSocket
{
    /// The largest frame either side sends (output is sent in chunks below it).
    public const int MaxFrame = 64 * 1024;

    private const int PathBytes = 107;

    public static int Listen(string path)
    {
        var fd = Open();
        var rc = WithAddress(path, (address, length) => LibC.bind(fd, (byte*)address, length));
        if (rc != 0 || LibC.listen(fd, 8) != 0)
        {
            var error = Marshal.GetLastPInvokeErrorMessage();
            LibC.close(fd);
            throw new IOException($"cannot listen on {path}: {error}");
        }

        return fd;
    }

    /// A connected descriptor, or -1 when nothing listens there (no socket, a stale one).
    public static int Connect(string path)
    {
        var fd = Open();
        if (WithAddress(path, (address, length) => LibC.connect(fd, (byte*)address, length)) != 0)
        {
            LibC.close(fd);
            return -1;
        }

        return fd;
    }

    public static int Accept(int listener) => LibC.accept4(listener, null, null, LibC.SOCK_CLOEXEC);

    /// The pid of the process at the other end, as the kernel saw it connect or listen.
    public static int PeerPid(int fd)
    {
        LibC.Credentials credentials;
        var length = sizeof(LibC.Credentials);
        return LibC.getsockopt(fd, LibC.SOL_SOCKET, LibC.SO_PEERCRED, &credentials, &length) == 0 ? credentials.Pid : -1;
    }

    /// Sends one frame, with passFd attached when it is not -1. False when the peer is gone.
    public static bool Send(int fd, ReadOnlySpan<byte> frame, int passFd = -1)
    {
        var control = stackalloc byte[24];
        fixed (byte* data = frame)
        {
            var iov = new LibC.IoVec { Base = data, Length = (nuint)frame.Length };
            var message = new LibC.MsgHdr { Iov = &iov, IovLength = 1 };
            if (passFd >= 0)
            {
                // struct cmsghdr { size_t len; int level; int type; } then the int, padded to 8: CMSG_SPACE(4) = 24.
                new Span<byte>(control, 24).Clear();
                *(nuint*)control = 20;
                *(int*)(control + 8) = LibC.SOL_SOCKET;
                *(int*)(control + 12) = LibC.SCM_RIGHTS;
                *(int*)(control + 16) = passFd;
                message.Control = control;
                message.ControlLength = 24;
            }

            while (true)
            {
                var sent = LibC.sendmsg(fd, &message, LibC.MSG_NOSIGNAL);
                if (sent >= 0)
                {
                    return true;
                }

                if (Marshal.GetLastPInvokeError() != LibC.EINTR)
                {
                    return false;
                }
            }
        }
    }

    /// Receives one frame into buffer: its length (0 when the peer has gone), and the descriptor that came
    /// with it (close-on-exec), or -1.
    public static int Receive(int fd, Span<byte> buffer, out int receivedFd, bool wait = true)
    {
        receivedFd = -1;
        var control = stackalloc byte[64];
        fixed (byte* data = buffer)
        {
            var iov = new LibC.IoVec { Base = data, Length = (nuint)buffer.Length };
            var message = new LibC.MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = 64 };
            nint received;
            do
            {
                received = LibC.recvmsg(fd, &message, LibC.MSG_CMSG_CLOEXEC | (wait ? 0 : LibC.MSG_DONTWAIT));
            }
            while (received < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR);

            if (message.ControlLength >= 20 && *(int*)(control + 8) == LibC.SOL_SOCKET && *(int*)(control + 12) == LibC.SCM_RIGHTS)
            {
                receivedFd = *(int*)(control + 16);
            }

            return received < 0 ? 0 : (int)received;
        }
    }

    private static int Open()
    {
        var fd = LibC.socket(LibC.AF_UNIX, LibC.SOCK_SEQPACKET | LibC.SOCK_CLOEXEC, 0);
        return fd >= 0 ? fd : throw new IOException($"socket failed: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    /// sockaddr_un for path; a path too long for sun_path is reached through a descriptor of its directory
    /// (`/proc/self/fd/N/NAME`), as UnixSocketPath does for the control socket.
    private static int WithAddress(string path, Func<nint, int, int> call)
    {
        var directoryFd = -1;
        var target = path;
        if (Encoding.UTF8.GetByteCount(path) > PathBytes)
        {
            directoryFd = LibC.open(Path.GetDirectoryName(Path.GetFullPath(path))!, LibC.O_PATH | LibC.O_CLOEXEC, 0);
            target = $"/proc/self/fd/{directoryFd}/{Path.GetFileName(path)}";
        }

        try
        {
            var bytes = Encoding.UTF8.GetBytes(target);
            var address = stackalloc byte[110];
            new Span<byte>(address, 110).Clear();
            *(ushort*)address = (ushort)LibC.AF_UNIX;
            bytes.AsSpan(0, Math.Min(bytes.Length, PathBytes)).CopyTo(new Span<byte>(address + 2, PathBytes));
            return call((nint)address, 2 + bytes.Length + 1);
        }
        finally
        {
            if (directoryFd >= 0)
            {
                LibC.close(directoryFd);
            }
        }
    }
}
