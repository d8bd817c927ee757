using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Aurora.Core.Notify;

/// recvmsg(2) on a notify socket: the datagram, its sender's pid (SCM_CREDENTIALS) and any descriptors it
/// carried (SCM_RIGHTS), which are closed here. .NET's Socket hands over no ancillary data on Unix sockets.
/// The struct layouts are those of Linux on 64-bit targets (x86_64, arm64), the only ones Aurora runs on.
internal static unsafe partial class NotifyDatagram
{
    private const int MsgCTrunc = 0x8, MsgTrunc = 0x20, MsgDontWait = 0x40, MsgCmsgCloexec = 0x40000000;
    private const int SolSocket = 1, ScmRights = 1, ScmCredentials = 2;
    private const int EAgain = 11, EIntr = 4;
    private const int CmsgHeader = 16; // size_t cmsg_len; int cmsg_level; int cmsg_type

    // Room for the credentials and a few hundred descriptors: more than that, and the kernel closes the rest.
    private const int ControlBytes = 1024;

    public readonly record struct Received(int Length, bool Truncated, int? SenderPid, bool WouldBlock);

    public static Received Receive(SafeSocketHandle socket, byte[] buffer)
    {
        var added = false;
        socket.DangerousAddRef(ref added);
        try
        {
            var control = stackalloc byte[ControlBytes];
            fixed (byte* data = buffer)
            {
                var iov = new IoVec { Base = data, Length = (nuint)buffer.Length };
                var msg = new MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = ControlBytes };
                nint n;
                do
                {
                    n = recvmsg((int)socket.DangerousGetHandle(), &msg, MsgDontWait | MsgCmsgCloexec);
                }
                while (n < 0 && Marshal.GetLastPInvokeError() == EIntr);

                if (n < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    return errno == EAgain ? new Received(0, false, null, WouldBlock: true) : throw new SocketException(errno);
                }

                var pid = ReadControl(control, (int)msg.ControlLength);
                return new Received((int)n, (msg.Flags & (MsgTrunc | MsgCTrunc)) != 0, pid, WouldBlock: false);
            }
        }
        finally
        {
            if (added)
            {
                socket.DangerousRelease();
            }
        }
    }

    /// Walks the control messages: closes passed descriptors, returns the credentials' pid.
    private static int? ReadControl(byte* control, int length)
    {
        int? pid = null;
        var offset = 0;
        while (offset + CmsgHeader <= length)
        {
            var cmsgLength = (int)*(nuint*)(control + offset);
            if (cmsgLength < CmsgHeader || offset + cmsgLength > length)
            {
                break;
            }

            var level = *(int*)(control + offset + 8);
            var type = *(int*)(control + offset + 12);
            var payload = control + offset + CmsgHeader;
            var payloadLength = cmsgLength - CmsgHeader;
            if (level == SolSocket && type == ScmRights)
            {
                for (var i = 0; i + sizeof(int) <= payloadLength; i += sizeof(int))
                {
                    _ = close(*(int*)(payload + i));
                }
            }
            else if (level == SolSocket && type == ScmCredentials && payloadLength >= 3 * sizeof(int))
            {
                pid = *(int*)payload; // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
            }

            offset += (cmsgLength + 7) & ~7;
        }

        return pid;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint recvmsg(int fd, MsgHdr* msg, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    private struct IoVec
    {
        public byte* Base;
        public nuint Length;
    }

    private struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }
}
