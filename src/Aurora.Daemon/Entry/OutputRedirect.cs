using System.Runtime.InteropServices;

namespace Aurora.Daemon.Entry;

/// `--log FILE`: fds 1 and 2 point at the file (appended), so the runtime's own messages land there too.
internal static partial class OutputRedirect
{
    public static void To(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fd = Open(path, 0x441 /* O_WRONLY | O_CREAT | O_APPEND */, 0b110_000_000);
        if (fd < 0)
        {
            return;
        }

        _ = Dup2(fd, 1);
        _ = Dup2(fd, 2);
        _ = Close(fd);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int Dup2(int oldFd, int newFd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
