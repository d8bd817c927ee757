namespace Aurora.Core.Processes.Holding;

/// A service process whose parent is the holder: spawned through it now, or adopted from an earlier daemon.
/// Its exit status comes from the holder; its group is signalled by the holder (which alone knows it is not
/// reaped); descendants that left the group are found by their tag and signalled through a pidfd.
internal sealed class HeldProcess(HolderClient holder, int pid, long startTicks, DateTimeOffset startedAt, string? tag, TimeProvider time)
    : IRunningProcess
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMilliseconds(50);

    private readonly ProcessFamily _family = new(pid, tag, holder.HolderPid);

    public int Pid => pid;

    public long StartTicks => startTicks;

    public DateTimeOffset StartedAt => startedAt;

    public Task<ExitStatus> Exited { get; } = holder.ExitOf(pid);

    public void Signal(int signal)
    {
        if (!Exited.IsCompleted)
        {
            holder.Signal(pid, signal);
        }

        foreach (var escaped in _family.Tagged())
        {
            VerifiedSignal.Send(escaped, signal, _family.IsTagged);
        }
    }

    /// As PosixRunningProcess.StopAsync: the signal to the group, the grace period, then SIGKILL to the group and
    /// every tagged descendant, until none is left. Not our children: their end is re-checked every 50 ms. /proc is
    /// read through the scans every stop under way shares (ProcessFamily.RemainingAsync).
    public async Task<ExitStatus> StopAsync(int signal, TimeSpan grace, CancellationToken ct)
    {
        if (!Exited.IsCompleted && signal != Signals.SIGKILL)
        {
            holder.Signal(pid, signal);
            holder.Signal(pid, Signals.SIGCONT);
            foreach (var escaped in await _family.TaggedAsync())
            {
                VerifiedSignal.Send(escaped, signal, _family.IsTagged);
                VerifiedSignal.Send(escaped, Signals.SIGCONT, _family.IsTagged);
            }

            try
            {
                await Exited.WaitAsync(grace, time, ct);
            }
            catch (TimeoutException)
            {
                // Grace is over: the kill follows.
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Forced stop requested: the kill follows.
            }
        }

        while (true)
        {
            // The group through the holder; tagged descendants are among what is left.
            if (!Exited.IsCompleted)
            {
                holder.Signal(pid, Signals.SIGKILL);
            }

            var left = (await _family.RemainingAsync(Exited.IsCompleted)).Where(p => !p.IsZombie).ToList();
            foreach (var p in left)
            {
                VerifiedSignal.Send(p.Pid, Signals.SIGKILL, q => _family.IsTagged(q) || _family.IsGroupLeftover(q));
            }

            if (Exited.IsCompleted && left.Count == 0)
            {
                return await Exited;
            }

            try
            {
                await Exited.WaitAsync(RecheckInterval, time, ct);
                if (left.Count > 0)
                {
                    await Task.Delay(RecheckInterval, time, ct);
                }
            }
            catch (TimeoutException)
            {
                // Re-check.
            }
        }
    }
}
