namespace Aurora.Core.Processes;

/// One read of /proc: every process's stat fields and its AURORA_TAG (null when it has none or it could not be
/// read). Made by ProcessScans; never includes the reading process itself.
internal sealed class ProcessScan(IReadOnlyList<ScannedProcess> processes)
{
    public IReadOnlyList<ScannedProcess> Processes { get; } = processes;

    /// Every live process of /proc, read now: stat first (cheap), then the tag from the environment.
    public static ProcessScan ReadNow()
    {
        var self = Environment.ProcessId;
        var list = new List<ScannedProcess>();
        foreach (var pid in ProcessTable.AllPids())
        {
            if (pid != self && ProcessTable.Read(pid) is { } info)
            {
                list.Add(new ScannedProcess(info, ProcessTable.Tag(pid)));
            }
        }

        return new ProcessScan(list);
    }
}

/// A process as one scan saw it.
internal sealed record ScannedProcess(ProcessInfo Info, string? Tag);
