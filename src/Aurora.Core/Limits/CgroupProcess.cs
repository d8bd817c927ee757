using Aurora.Core.Processes;

namespace Aurora.Core.Limits;

/// A service's process in its cgroups. Signals and the graceful stop go to the process group as before; the final
/// SIGKILL of a stop (and the supervisor's SIGKILL) is the group's `cgroup.kill` (v1: each listed process), with the
/// process-group and tagged kill kept as the fallback. Exited completes after the group's OOM kills were read, so
/// the supervisor hears of a kernel OOM kill (OomKill) before the exit; once nothing is left in the group it is
/// removed. A group still holding processes after a natural exit (leftover children) stays until the stop or `down`.
public sealed class CgroupProcess : IRunningProcess
{
    private static readonly TimeSpan EmptyWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan EmptyRecheck = TimeSpan.FromMilliseconds(20);

    private readonly IRunningProcess _inner;
    private readonly ServiceCgroup _group;
    private readonly TimeProvider _time;
    private readonly long _oomBefore;

    public CgroupProcess(IRunningProcess inner, ServiceCgroup group, long? memoryLimit, TimeProvider time)
    {
        _inner = inner;
        _group = group;
        _time = time;
        _oomBefore = group.OomKills;
        Exited = inner.Exited.ContinueWith(t =>
        {
            if (memoryLimit is { } limit && (group.Enforces & LimitKinds.Memory) != 0 && group.OomKills > _oomBefore)
            {
                OomKill = new LimitBreach(LimitBreach.Memory, limit, limit, LimitBreach.ByCgroup, KilledByKernel: true);
            }

            if (group.Populated == false)
            {
                group.Remove();
            }

            return t.Result;
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public ServiceCgroup Group => _group;

    /// Set before Exited completes when the kernel's OOM killer killed in the group during this process's life.
    public LimitBreach? OomKill { get; private set; }

    public int Pid => _inner.Pid;

    public long StartTicks => _inner.StartTicks;

    public DateTimeOffset StartedAt => _inner.StartedAt;

    public Task<ExitStatus> Exited { get; }

    public void Signal(int signal)
    {
        _inner.Signal(signal);
        if (signal == Signals.SIGKILL)
        {
            KillGroup();
        }
    }

    /// The process group and tagged descendants are stopped by the inner process (whose reads of /proc are shared
    /// with every other stop under way: signalling through it here read every process's environment twice per
    /// service, which was most of `aurora down` at 1,000 services); the group's kill follows once the leader has
    /// gone or the grace period is over, as before.
    public async Task<ExitStatus> StopAsync(int signal, TimeSpan grace, CancellationToken ct)
    {
        var graceful = !_inner.Exited.IsCompleted && signal != Signals.SIGKILL;
        var inner = _inner.StopAsync(signal, graceful ? grace : TimeSpan.Zero, ct);
        if (graceful)
        {
            try
            {
                await _inner.Exited.WaitAsync(grace, _time, ct);
            }
            catch (TimeoutException)
            {
                // Grace is over: the kill follows.
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Forced stop: the kill follows.
            }
        }

        KillGroup();
        var status = await inner;
        await Exited;
        await WaitEmptyAsync(ct);
        _group.Remove();
        return status;
    }

    /// What a kill leaves for a moment: processes the kernel is still tearing down.
    private async Task WaitEmptyAsync(CancellationToken ct)
    {
        var deadline = _time.GetUtcNow() + EmptyWait;
        while (_group.Populated == true && _time.GetUtcNow() < deadline && !ct.IsCancellationRequested)
        {
            KillGroup();
            await Task.Delay(EmptyRecheck, _time, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// The group's kill; one that fails (the group removed as its last process went, ENODEV) leaves the process-group
    /// and tagged kill, which always follows, to do it.
    private bool KillGroup()
    {
        try
        {
            return _group.Kill();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
