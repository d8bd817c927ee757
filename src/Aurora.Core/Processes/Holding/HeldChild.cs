namespace Aurora.Core.Processes.Holding;

/// One service process the holder started: its identity, the daemon's memo about it, its exit once reaped,
/// and the holder's own copy of the read end of its output (read only while no daemon is connected).
internal sealed class HeldChild(int pid, long startTicks, long startedAtMs, string tag, string memo, int pidFd, int outputFd)
{
    public int Pid { get; } = pid;

    public long StartTicks { get; } = startTicks;

    public long StartedAtMs { get; } = startedAtMs;

    public string Tag { get; } = tag;

    public string Memo { get; } = memo;

    /// Readable when the process has exited; -1 once it is reaped.
    public int PidFd { get; set; } = pidFd;

    /// -1 when the service has no output, or once the holder saw its end (EOF) while no daemon ran.
    public int OutputFd { get; set; } = outputFd;

    public ExitStatus? Exit { get; set; }

    public HeldOutput Held { get; } = new();

    public void CloseAll()
    {
        if (PidFd >= 0)
        {
            LibC.close(PidFd);
            PidFd = -1;
        }

        if (OutputFd >= 0)
        {
            LibC.close(OutputFd);
            OutputFd = -1;
        }
    }
}
