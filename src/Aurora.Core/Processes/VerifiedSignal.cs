namespace Aurora.Core.Processes;

/// Signals a process that is not (or no longer) tracked by the reaper without racing pid reuse:
/// pin the process with a pidfd, check it is still the one we mean, then signal through the pidfd.
/// If the pid was recycled between pidfd_open and the check, the pidfd refers to the dead process
/// and the signal goes nowhere.
internal static class VerifiedSignal
{
    private const long PidfdOpen = 434, PidfdSendSignal = 424; // same numbers on x86_64 and arm64

    public static bool Send(int pid, int signal, Func<int, bool> isOurs)
    {
        var pidfd = (int)LibC.syscall(PidfdOpen, pid, 0, 0, 0);
        if (pidfd < 0)
        {
            return false;
        }

        try
        {
            return isOurs(pid) && LibC.syscall(PidfdSendSignal, pidfd, signal, 0, 0) == 0;
        }
        finally
        {
            LibC.close(pidfd);
        }
    }
}
