namespace Aurora.Core.Processes;

/// Which live processes belong to one started service: its process group and, when it has a tag,
/// every process whose environment carries AURORA_TAG=tag (descendants that left the group with
/// setsid). Never includes a process that matches neither.
/// parent: the process that is the leader's parent and the subreaper of its descendants: the daemon, or the
/// holder for a service the holder started.
/// scans: where a stop reads /proc (shared by every stop under way; see ProcessScans).
internal sealed class ProcessFamily(int leader, string? tag, int parent, ProcessScans scans)
{
    private static readonly int Self = Environment.ProcessId;

    public ProcessFamily(int leader, string? tag, int parent)
        : this(leader, tag, parent, ProcessScans.Shared)
    {
    }

    public ProcessFamily(int leader, string? tag)
        : this(leader, tag, Self)
    {
    }

    /// After the leader is reaped its group number can only be held by our own descendants, and
    /// those are re-parented to us (we are the subreaper); a recycled foreign group would need a
    /// new leader with the same pid, which we exclude.
    public bool IsGroupLeftover(ProcessInfo p) => p.ProcessGroupId == leader && p.Pid != leader && p.ParentPid == parent;

    public bool IsTagged(int pid) => tag is not null && ProcessTable.HasTag(pid, tag);

    public bool IsGroupLeftover(int pid) => ProcessTable.Read(pid) is { } p && IsGroupLeftover(p);

    public List<int> GroupLeftovers() =>
        ProcessTable.All().Where(p => !p.IsZombie && IsGroupLeftover(p)).Select(p => p.Pid).ToList();

    /// Live processes carrying the tag, read now (a signal outside a stop).
    public List<int> Tagged() => tag is null ? [] : ProcessTable.TaggedPids(tag);

    /// Live processes carrying the tag, from a scan begun after the call and shared with other stops.
    public async Task<List<int>> TaggedAsync()
    {
        if (tag is null)
        {
            return [];
        }

        var scan = await scans.FreshAsync();
        return [.. scan.Processes.Where(p => p.Tag == tag && !p.Info.IsZombie).Select(p => p.Info.Pid)];
    }

    /// Processes still to wait for at stop time: live members of the group, live tagged processes,
    /// and zombies that are our children (the reaper is about to collect them). From a scan begun after the
    /// call, shared with other stops.
    public async Task<List<ProcessInfo>> RemainingAsync(bool leaderReaped)
    {
        var scan = await scans.FreshAsync();
        var left = new List<ProcessInfo>();
        foreach (var (p, pTag) in scan.Processes)
        {
            var member = p.IsZombie
                ? p.ParentPid == parent && (p.ProcessGroupId == leader || tag is not null)
                : (leaderReaped ? IsGroupLeftover(p) : p.ProcessGroupId == leader) || (tag is not null && pTag == tag);
            if (member)
            {
                left.Add(p);
            }
        }

        return left;
    }
}
