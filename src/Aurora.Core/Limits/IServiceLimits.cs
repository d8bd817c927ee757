using Aurora.Core.Config;
using Aurora.Core.Processes;

namespace Aurora.Core.Limits;

/// Puts each service's process into its cgroups with its limits, where the host allows it.
public interface IServiceLimits
{
    /// Called right after the spawn, before the supervisor reports the service started: moves the process into
    /// the service's groups and returns the process to keep (one whose kill and stop use the groups), or the
    /// same process when no group could be had (limits by sampling).
    IRunningProcess Attach(ServiceConfig config, IRunningProcess process);

    /// For a process an earlier daemon started and put into the service's groups (adoption): the same process kept
    /// through those groups, so its kill, stop and OOM reading use them again; a process in no group is attached as
    /// at a spawn.
    IRunningProcess Reattach(ServiceConfig config, IRunningProcess process);

    /// Which limits the kernel enforces for the service's current process; the sampler enforces the rest.
    LimitKinds KernelEnforces(string service);

    /// How many forks the service's pids.max has refused so far (0 without a group).
    long PidsRefused(string service);
}
