using System.Collections;
using System.Runtime.InteropServices;
using System.Text;

namespace Aurora.Daemon.Hosting;

/// `aurora daemon restart`: the daemon re-executes its binary in its own process (execve), after letting go of its
/// services, flushing its events and releasing its lock; the new image starts as any daemon does and adopts
/// every service from the holder. The pid stays the same, so systemd's MAINPID, its watchdog's WATCHDOG_PID and
/// a parent's view of the daemon all stay true; the binary is the one on disk now (rebuilt by `./aurora`).
public static partial class DaemonReplacement
{
    /// Does not return when it works; otherwise the reason (the daemon then exits, and the next start adopts).
    public static string Exec()
    {
        var argv = Arguments();
        var path = argv.Count > 0 && argv[0].StartsWith('/') ? argv[0] : Environment.ProcessPath ?? "";
        var env = new List<string>();
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            env.Add($"{e.Key}={e.Value}");
        }

        Execve(path, [.. argv, null], [.. env, null]);
        return $"execve {path}: {Marshal.GetLastPInvokeErrorMessage()}";
    }

    /// The command line this process was started with, exactly (the runtime's own view may lack the host's part).
    private static List<string> Arguments() =>
        [.. Encoding.UTF8.GetString(File.ReadAllBytes("/proc/self/cmdline")).TrimEnd('\0').Split('\0')];

    [LibraryImport("libc", EntryPoint = "execve", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Execve(string path, string?[] argv, string?[] envp);
}
