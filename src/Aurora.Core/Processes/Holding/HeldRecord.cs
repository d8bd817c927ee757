namespace Aurora.Core.Processes.Holding;

/// One child as the holder reported it to a newly connected daemon: who it is, the memo the daemon that
/// started it left with it, how it ended if it has, and the output held for it (plus its descriptor while the
/// output is open).
public sealed record HeldRecord(int Pid, long StartTicks, DateTimeOffset StartedAt, string Tag, string Memo, ExitStatus? Exit, long Dropped)
{
    internal List<byte[]> Output { get; } = [];

    /// The read end of its output (close-on-exec), or -1.
    internal int OutputFd { get; set; } = -1;

    public long HeldBytes => Output.Sum(c => (long)c.Length);
}
