using Aurora.Core.Config;

namespace Aurora.Core.Limits;

/// One service's group in one cgroup version: a v2 directory, or the v1 directories of the memory, cpu and pids
/// hierarchies. The v2 and v1 writers sit behind this, so a hybrid host uses both for one service.
public interface ICgroup
{
    /// The directories, for removal checks and for finding a service's group after a daemon restart.
    IReadOnlyList<string> Directories { get; }

    /// Creates the directories (an existing one is reused: a group kept from a crashed daemon).
    void Create();

    /// Writes the limits this group carries. Throws IOException when the kernel refuses one.
    void Apply(ResourceLimits limits);

    /// Which of memory, cpu, pids this group enforces once Apply has run.
    LimitKinds Enforces { get; }

    /// Moves a process into the group.
    void Attach(int pid);

    /// SIGKILL of every process in the group; false when this version cannot do it on its own.
    bool Kill();

    /// Some process is still in the group; null when the group cannot tell.
    bool? Populated { get; }

    /// How many times the kernel's OOM killer has killed in this group (memory.events, memory.oom_control).
    long OomKills { get; }

    /// How many forks pids.max refused.
    long PidsRefused { get; }

    /// rmdir of every directory; false when one still holds processes.
    bool Remove();
}

/// The limits a group enforces in the kernel.
[Flags]
public enum LimitKinds
{
    None = 0,
    Memory = 1,
    Cpu = 2,
    Pids = 4,
}
