using System.Runtime.InteropServices;
using System.Text;

namespace Aurora.Core.Diagnosis;

/// Reads every record the kernel log holds now, without blocking: /dev/kmsg returns one record per read()
/// and blocks at the end unless opened O_NONBLOCK (then EAGAIN), which FileStream cannot ask for.
internal static partial class KernelLog
{
    private const int O_RDONLY = 0, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;
    private const int EINTR = 4, EPIPE = 32;

    public static IReadOnlyList<string> ReadAll(string path)
    {
        var records = new List<string>();
        var fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
        {
            return records;
        }

        try
        {
            var buffer = new byte[8192];
            while (true)
            {
                var n = read(fd, buffer, buffer.Length);
                if (n > 0)
                {
                    records.Add(Encoding.UTF8.GetString(buffer, 0, (int)n));
                    continue;
                }

                // EPIPE: a record was overwritten while we read; the next read goes on from the oldest left.
                var errno = Marshal.GetLastPInvokeError();
                if (n < 0 && errno is EINTR or EPIPE)
                {
                    continue;
                }

                return records;
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint read(int fd, byte[] buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
