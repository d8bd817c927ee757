using System.Runtime.InteropServices;

namespace Aurora.IntegrationTests.TestSupport;

/// kill(2), for tests that signal a process themselves.
internal static partial class Os
{
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
