using System.Runtime.InteropServices;

namespace Aurora.BrowserTests.Support;

/// The few libc calls the tests need. The daemon runs as its own process (not in this test host):
/// its process reaper waits on every child, which would steal Playwright's driver and browser.
internal static class Native
{
    public const int SIGKILL = 9;

    private const int EINTR = 4;

    /// posix_spawnp + waitpid on that one pid, so nothing else in this process is disturbed.
    public static Task<int> RunAsync(IReadOnlyList<string> argv, CancellationToken ct) => Task.Run(() =>
    {
        var env = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => $"{e.Key}={e.Value}").Append("NO_COLOR=1").ToArray();
        var args = ToNative(argv);
        var envp = ToNative(env);
        int pid;
        try
        {
            var error = posix_spawnp(out pid, argv[0], IntPtr.Zero, IntPtr.Zero, args, envp);
            if (error != 0)
            {
                throw new InvalidOperationException($"posix_spawnp {argv[0]} failed: errno {error}");
            }
        }
        finally
        {
            Array.ForEach(args, Marshal.FreeCoTaskMem);
            Array.ForEach(envp, Marshal.FreeCoTaskMem);
        }

        int status;
        while (waitpid(pid, out status, 0) < 0)
        {
            if (Marshal.GetLastPInvokeError() != EINTR)
            {
                throw new InvalidOperationException($"waitpid {pid} failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }

        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
    }, ct);

    /// A NULL-terminated char*[] (FreeCoTaskMem ignores the final zero).
    private static IntPtr[] ToNative(IEnumerable<string> strings) => [.. strings.Select(Marshal.StringToCoTaskMemUTF8), IntPtr.Zero];

    public static void Kill(int pid, int signal)
    {
        if (kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill {pid} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int posix_spawnp(out int pid, [MarshalAs(UnmanagedType.LPUTF8Str)] string file, IntPtr fileActions, IntPtr attributes,
        IntPtr[] argv, IntPtr[] envp);

    [DllImport("libc", SetLastError = true)]
    private static extern int waitpid(int pid, out int status, int options);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
