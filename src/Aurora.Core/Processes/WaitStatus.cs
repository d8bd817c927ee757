using System.Runtime.InteropServices;

namespace Aurora.Core.Processes;

/// Decodes a waitpid status word (the glibc macros, which are the same on every Linux arch).
internal static class WaitStatus
{
    public static bool Exited(int status) => (status & 0x7f) == 0;

    public static int ExitCode(int status) => (status >> 8) & 0xff;

    public static bool Signaled(int status) => ((sbyte)((status & 0x7f) + 1) >> 1) > 0;

    public static int TermSignal(int status) => status & 0x7f;

    public static ExitStatus Decode(int status) =>
        Exited(status) ? new ExitStatus(ExitCode(status), null)
        : Signaled(status) ? new ExitStatus(null, TermSignal(status))
        : new ExitStatus(null, null);

    /// The next child of this process that has ended, reaped without blocking (an EINTR is retried); null when
    /// none has. The daemon's reaper and the holder both drain their children with it.
    public static unsafe (int Pid, ExitStatus Status)? ReapNext()
    {
        while (true)
        {
            int status;
            var pid = LibC.waitpid(-1, &status, LibC.WNOHANG);
            if (pid < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR)
            {
                continue;
            }

            return pid <= 0 ? null : (pid, Decode(status));
        }
    }
}
