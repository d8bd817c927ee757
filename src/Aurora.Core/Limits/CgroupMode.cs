namespace Aurora.Core.Limits;

/// Which cgroup file systems a host offers Aurora.
public enum CgroupMode
{
    /// No writable cgroup hierarchy (a container, a read-only mount, or AURORA_CGROUPS=off): limits by sampling.
    None,

    /// cgroup v2 only, at /sys/fs/cgroup: memory, cpu and pids controllers, cgroup.kill, cgroup.events.
    V2,

    /// v2 at /sys/fs/cgroup/unified for cgroup.kill and cgroup.events, v1 hierarchies for memory, cpu and pids.
    Hybrid,

    /// v1 hierarchies only: the limits there, the final kill by listing the group's processes.
    V1,
}
