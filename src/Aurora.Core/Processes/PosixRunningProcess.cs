namespace Aurora.Core.Processes;

/// A child started by PosixProcessLauncher: leader of its own session and process group.
internal sealed partial class PosixRunningProcess(
    int pid,
    long startTicks,
    DateTimeOffset startedAt,
    Task<ExitStatus> exited,
    string? tag,
    ChildReaper reaper,
    TimeProvider time) : IRunningProcess
{
    private readonly ProcessFamily family = new(pid, tag);

    public int Pid => pid;

    public long StartTicks => startTicks;

    public DateTimeOffset StartedAt => startedAt;

    public Task<ExitStatus> Exited => exited;

    public void Signal(int signal)
    {
        SignalGroup(signal);
        foreach (var escaped in family.Tagged())
        {
            VerifiedSignal.Send(escaped, signal, family.IsTagged);
        }
    }

    private void SignalGroup(int signal)
    {
        if (reaper.SignalGroupIfTracked(pid, signal))
        {
            return;
        }

        // The leader is reaped: signal what is left of its group one process at a time.
        foreach (var member in family.GroupLeftovers())
        {
            VerifiedSignal.Send(member, signal, family.IsGroupLeftover);
        }
    }
}
