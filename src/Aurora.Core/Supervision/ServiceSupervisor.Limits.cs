using Aurora.Core.Config;
using Aurora.Core.Limits;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// `limits:`: the process put into its cgroups at the spawn, a kernel OOM kill heard before the exit, and the
/// sampler's reports of a limit exceeded.
public sealed partial class ServiceSupervisor
{
    /// The sampler saw process `pid` of this service over a limit (or the kernel refused its forks).
    public void ReportLimit(int pid, LimitBreach breach) => Post(new SupervisorInput.ResourceExceeded(pid, breach));

    /// Into the service's cgroups, before `Spawned` is decided (so before the service is reported started).
    private IRunningProcess Limited(ServiceConfig config, IRunningProcess process) =>
        _ctx.Limits?.Attach(config, process) ?? process;

    /// The exit, preceded by the kernel's OOM kill when there was one: the kill is decided first, so the exit is
    /// read as out_of_memory. spawnStamp: the spawn on the monotonic clock (null for an adopted process: its uptime is
    /// then the wall clock's).
    private void WatchExit(IRunningProcess process, int generation, long? spawnStamp) =>
        process.Exited.ContinueWith(
            t =>
            {
                if (process is CgroupProcess { OomKill: { } oom })
                {
                    Post(new SupervisorInput.ResourceExceeded(process.Pid, oom));
                }

                Post(new SupervisorInput.Exited(generation, t.Result, spawnStamp is { } s ? _ctx.Time.GetElapsedTime(s) : null));
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
