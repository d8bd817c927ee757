using System.ComponentModel;
using System.Net.Sockets;

namespace Aurora.Daemon.Http;

/// This process's file descriptors: its soft limit (`ulimit -n`), how many are open, and whether an error is
/// the want of one (EMFILE, ENFILE).
internal static class Descriptors
{
    private const int Emfile = 24, Enfile = 23;

    /// The soft RLIMIT_NOFILE, from /proc/self/limits (int.MaxValue when unlimited or unreadable).
    public static int SoftLimit()
    {
        try
        {
            var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return int.TryParse(soft, out var n) ? n : int.MaxValue;
        }
        catch (IOException)
        {
            return int.MaxValue;
        }
    }

    /// The descriptors open now; int.MaxValue when even listing them needs one too many.
    public static int CountOpen()
    {
        try
        {
            return Directory.EnumerateFileSystemEntries("/proc/self/fd").Count();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return int.MaxValue;
        }
    }

    /// The exception, or one it wraps, says the process (or the system) has no descriptor left.
    public static bool Exhausted(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is SocketException { SocketErrorCode: SocketError.TooManyOpenSockets }
                || ex is Win32Exception { NativeErrorCode: Emfile or Enfile }
                || (ex is IOException && ex.HResult is Emfile or Enfile)
                || ex.Message.Contains("Too many open files", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
