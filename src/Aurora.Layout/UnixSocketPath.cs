using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Aurora.Layout;

/// Binds and connects unix sockets whose path does not fit in `sun_path` (108 bytes with its NUL): a
/// project deep in a directory tree would otherwise fail with an ArgumentOutOfRangeException from
/// UnixDomainSocketEndPoint. Such a path is reached through a descriptor of its directory instead:
/// `/proc/self/fd/N/aurora.sock`, which the kernel resolves to the same file (no chdir, which would
/// race with every other thread of the process).
public static partial class UnixSocketPath
{
    /// The longest path sun_path holds.
    public const int MaxBytes = 107;

    private const int OPath = 0x200000; // O_PATH: a handle on the directory, no read access needed
    private const int OCloexec = 0x80000;

    public static void Bind(Socket socket, string path)
    {
        using var address = Address.For(path);
        socket.Bind(address.EndPoint);
    }

    public static async Task ConnectAsync(Socket socket, string path, CancellationToken ct)
    {
        using var address = Address.For(path);
        await socket.ConnectAsync(address.EndPoint, ct);
    }

    private static bool Fits(string path) => Encoding.UTF8.GetByteCount(path) <= MaxBytes;

    private static IOException TooLong(string path, string why) => new(
        $"the unix socket path {path} is {Encoding.UTF8.GetByteCount(path)} bytes, more than the {MaxBytes} a socket address holds, " +
        $"and {why}; move the project to a shorter path");

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// The path itself, or the short one through its directory's descriptor (kept open until disposed).
    private sealed class Address(UnixDomainSocketEndPoint endPoint, int fd) : IDisposable
    {
        public UnixDomainSocketEndPoint EndPoint { get; } = endPoint;

        public static Address For(string path)
        {
            if (Fits(path))
            {
                return new Address(new UnixDomainSocketEndPoint(path), -1);
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var fd = Open(directory, OPath | OCloexec);
            if (fd < 0)
            {
                throw TooLong(path, $"its directory could not be opened (errno {Marshal.GetLastPInvokeError()})");
            }

            var viaFd = $"/proc/self/fd/{fd}/{Path.GetFileName(path)}";
            if (!Fits(viaFd) || !Directory.Exists($"/proc/self/fd/{fd}/"))
            {
                _ = Close(fd);
                throw TooLong(path, "/proc/self/fd is not there to shorten it");
            }

            return new Address(new UnixDomainSocketEndPoint(viaFd), fd);
        }

        public void Dispose()
        {
            if (fd >= 0)
            {
                _ = Close(fd);
            }
        }
    }
}
