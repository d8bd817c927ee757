using System.Runtime.InteropServices;

namespace Aurora.IntegrationTests.Store;

/// Waits for a process that is not our child to end: pidfd_open + poll, which wakes when it exits
/// (zombie or reaped alike). No polling loop, no sleep.
internal static class ProcessExit
{
    public static Task<bool> WaitAsync(int pid, TimeSpan timeout) => Task.Run(() =>
    {
        var fd = (int)Syscall(434, pid, 0);
        if (fd < 0)
        {
            return true; // already gone
        }

        try
        {
            var p = new PollFd { Fd = fd, Events = 1 };
            return Poll(ref p, 1, (int)timeout.TotalMilliseconds) == 1;
        }
        finally
        {
            Close(fd);
        }
    });

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short REvents;
    }

    [DllImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static extern long Syscall(long number, long pid, long flags);

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static extern int Poll(ref PollFd fds, ulong count, int timeoutMs);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
