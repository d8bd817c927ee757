namespace Aurora.Core.Processes;

/// Which live processes belong to one started service: its process group and, when it has a tag,
/// every process whose environment carries AURORA_TAG=tag (descendants that left the group with
/// setsid). Never includes a process that matches neither.
/// parent: the process that is the leader's parent and the subreaper of its descendants: the daemon, or the
/// holder for a service the holder started.
internal sealed class ProcessFamily(int leader, string? tag, int parent)
{
    private static readonly int Self = Environment.ProcessId;

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

    public List<int> Tagged() => tag is null ? [] : ProcessTable.TaggedPids(tag);

    /// Processes still to wait for at stop time: live members of the group, live tagged processes,
    /// and zombies that are our children (the reaper is about to collect them).
    public List<ProcessInfo> Remaining(bool leaderReaped)
    {
        var left = new List<ProcessInfo>();
        foreach (var p in ProcessTable.All())
        {
            if (p.Pid == Self)
            {
                continue;
            }

            var member = p.IsZombie
                ? p.ParentPid == parent && (p.ProcessGroupId == leader || tag is not null)
                : (leaderReaped ? IsGroupLeftover(p) : p.ProcessGroupId == leader) || IsTagged(p.Pid);
            if (member)
            {
                left.Add(p);
            }
        }

        return left;
    }
}
