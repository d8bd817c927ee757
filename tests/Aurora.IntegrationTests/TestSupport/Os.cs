using System.Runtime.InteropServices;

namespace Aurora.IntegrationTests.TestSupport;

/// kill(2), for tests that signal a process themselves; dup(2), for tests that keep a descriptor as the holder does.
internal static partial class Os
{
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    public static partial int Dup(int fd);
}
