using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Aurora.Core.Health;

/// A TCP connect to a loopback address that finishes inside the call, or says it could not.
///
/// On loopback the kernel runs the whole handshake (SYN, SYN-ACK, ACK, or the RST of a closed port) in
/// the connect() syscall itself, so by the time a non-blocking connect returns EINPROGRESS the outcome is
/// usually known; poll(POLLOUT, 0) and SO_ERROR read it. Through System.Net.Sockets the same connect
/// costs an epoll registration, a wake of the socket engine's thread and a thread-pool hop for a
/// completion that was ready all along: with 200 services checked every second that was most of the
/// health checks' CPU. Anything this cannot settle at once (a full accept queue, a deferred softirq, an
/// unexpected errno) is Pending, and the caller falls back to Socket.ConnectAsync, which reports it.
/// Linux only (the errno and flag values are Linux's, the same on x86_64 and arm64).
internal static unsafe partial class LoopbackConnect
{
    public enum Outcome { Connected, Refused, Pending }

    private const int SOCK_STREAM = 1, SOCK_NONBLOCK = 0x800, SOCK_CLOEXEC = 0x80000;
    private const int AF_INET = 2, AF_INET6 = 10, IPPROTO_TCP = 6;
    private const int SOL_SOCKET = 1, SO_ERROR = 4;
    private const int EINPROGRESS = 115, ECONNREFUSED = 111;
    private const short POLLOUT = 0x4;

    /// Whether Try can be used for this address at all: a loopback address on Linux.
    public static bool Supports(IPAddress address) =>
        OperatingSystem.IsLinux() && IPAddress.IsLoopback(address) && !address.IsIPv4MappedToIPv6
        && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6;

    /// The native sockaddr_in / sockaddr_in6 for address:port, built once per probe.
    public static byte[] SocketAddress(IPAddress address, int port)
    {
        var v4 = address.AddressFamily == AddressFamily.InterNetwork;
        var sa = new byte[v4 ? 16 : 28];
        // sa_family is in host byte order, the port in network byte order.
        MemoryMarshal.Write(sa, (ushort)(v4 ? AF_INET : AF_INET6));
        BinaryPrimitives.WriteUInt16BigEndian(sa.AsSpan(2), (ushort)port);
        if (v4)
        {
            address.TryWriteBytes(sa.AsSpan(4, 4), out _);
        }
        else
        {
            address.TryWriteBytes(sa.AsSpan(8, 16), out _);
            MemoryMarshal.Write(sa.AsSpan(24), (uint)address.ScopeId);
        }

        return sa;
    }

    /// Connects and closes at once. The close is graceful (no SO_LINGER), as Socket.Dispose's is: a FIN,
    /// not an RST, so a service does not log "connection reset" every second.
    public static Outcome Try(byte[] socketAddress)
    {
        var family = MemoryMarshal.Read<ushort>(socketAddress);
        var fd = socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP);
        if (fd < 0)
        {
            return Outcome.Pending;
        }

        try
        {
            int rc;
            fixed (byte* sa = socketAddress)
            {
                rc = connect(fd, sa, (uint)socketAddress.Length);
            }

            if (rc != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == ECONNREFUSED)
                {
                    return Outcome.Refused;
                }

                if (errno != EINPROGRESS)
                {
                    return Outcome.Pending;
                }

                var pfd = new PollFd { Fd = fd, Events = POLLOUT };
                if (poll(&pfd, 1, 0) != 1 || (pfd.Revents & POLLOUT) == 0)
                {
                    // Not settled yet. Closing a socket still in SYN_SENT sends nothing; the caller's
                    // fallback connects afresh.
                    return Outcome.Pending;
                }
            }

            int error = 0;
            var size = (uint)sizeof(int);
            if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) != 0)
            {
                return Outcome.Pending;
            }

            return error switch
            {
                0 => Outcome.Connected,
                ECONNREFUSED => Outcome.Refused,
                _ => Outcome.Pending,
            };
        }
        finally
        {
            close(fd);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int connect(int fd, byte* addr, uint len);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(PollFd* fds, nuint count, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getsockopt(int fd, int level, int name, int* value, uint* len);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
