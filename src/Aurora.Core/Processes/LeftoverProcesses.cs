using Aurora.Core.Timing;

namespace Aurora.Core.Processes;

/// Service processes of this project left running by a daemon that died (kill -9, a crash): found by
/// their AURORA_TAG ("projectId/service") and stopped before the stack starts again, so a new daemon never
/// runs a second instance of a service beside a stale one. Nothing without this project's tag is touched,
/// and each signal goes through a pidfd after re-checking the tag, so a recycled pid is never hit.
public static class LeftoverProcesses
{
    public static List<(int Pid, string Tag)> Find(string projectId)
    {
        var prefix = projectId + "/";
        var self = Environment.ProcessId;
        var found = new List<(int, string)>();
        foreach (var pid in ProcessTable.AllPids())
        {
            if (pid != self && ProcessTable.Tag(pid) is { } tag && tag.StartsWith(prefix, StringComparison.Ordinal)
                && ProcessTable.Read(pid) is { IsZombie: false })
            {
                found.Add((pid, tag));
            }
        }

        return found;
    }

    /// SIGTERM, up to `grace` for them to go, then SIGKILL. Returns how many there were.
    public static async Task<int> StopAsync(string projectId, TimeSpan grace, TimeProvider time, CancellationToken ct)
    {
        var leftovers = Find(projectId);
        await TerminateAsync(leftovers, grace, time, ct);
        return leftovers.Count;
    }

    /// Stops one process carrying `tag` (TERM, grace, KILL). False when it was not ours or would not die.
    public static async Task<bool> StopOneAsync(int pid, string tag, TimeSpan grace, TimeProvider time, CancellationToken ct)
    {
        if (!Alive((pid, tag)))
        {
            return false;
        }

        return await TerminateAsync([(pid, tag)], grace, time, ct);
    }

    /// Boot-time and fix-time only: these are not our children, so their end is watched through /proc.
    /// True when none of them is left.
    private static async Task<bool> TerminateAsync(List<(int Pid, string Tag)> processes, TimeSpan grace, TimeProvider time, CancellationToken ct)
    {
        if (processes.Count == 0)
        {
            return true;
        }

        Signal(processes, Signals.SIGTERM);
        Signal(processes, Signals.SIGCONT);
        bool AllGone() => !processes.Any(Alive);
        if (await Poll.UntilAsync(AllGone, TimeSpan.FromMilliseconds(20), grace, time, ct))
        {
            return true;
        }

        Signal(processes.Where(Alive).ToList(), Signals.SIGKILL);
        return await Poll.UntilAsync(AllGone, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(5), time, ct);
    }

    private static void Signal(IEnumerable<(int Pid, string Tag)> processes, int signal)
    {
        foreach (var (pid, tag) in processes)
        {
            VerifiedSignal.Send(pid, signal, p => ProcessTable.Tag(p) == tag);
        }
    }

    private static bool Alive((int Pid, string Tag) p) =>
        ProcessTable.Read(p.Pid) is { IsZombie: false } && ProcessTable.Tag(p.Pid) == p.Tag;
}
