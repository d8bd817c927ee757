namespace Aurora.Core.Processes;

internal sealed partial class PosixRunningProcess
{
    // Bounded wait between re-checks for tagged processes that are not our children (their exit
    // raises no SIGCHLD here); our own children wake us through the reaper at once.
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMilliseconds(50);

    /// Cancelling ct cuts the grace period short (the kill still happens) and then abandons the
    /// wait for the processes to disappear.
    public async Task<ExitStatus> StopAsync(int signal, TimeSpan grace, CancellationToken ct)
    {
        if (!exited.IsCompleted && signal != Signals.SIGKILL)
        {
            Signal(signal);

            // A stopped process cannot act on SIGTERM until it is continued.
            Signal(Signals.SIGCONT);
            await WaitForLeaderAsync(grace, ct);
        }

        KillAll();
        await WaitUntilGoneAsync(ct);
        return await exited;
    }

    private async Task WaitForLeaderAsync(TimeSpan grace, CancellationToken ct)
    {
        try
        {
            await exited.WaitAsync(grace, time, ct);
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

    private void KillAll()
    {
        SignalGroup(Signals.SIGKILL);
        foreach (var escaped in family.Tagged())
        {
            VerifiedSignal.Send(escaped, Signals.SIGKILL, family.IsTagged);
        }
    }

    private async Task WaitUntilGoneAsync(CancellationToken ct)
    {
        while (true)
        {
            var reaped = reaper.NextReap;
            reaper.ReapAll();
            var remaining = family.Remaining(exited.IsCompleted);
            if (exited.IsCompleted && remaining.Count == 0)
            {
                return;
            }

            // Anything still alive gets SIGKILL again: it may have been forked after the first kill.
            KillRemaining(remaining);
            try
            {
                await reaped.WaitAsync(RecheckInterval, time, ct);
            }
            catch (TimeoutException)
            {
                // Re-check.
            }
        }
    }

    private void KillRemaining(List<ProcessInfo> remaining)
    {
        if (!exited.IsCompleted)
        {
            reaper.SignalGroupIfTracked(pid, Signals.SIGKILL);
        }

        foreach (var p in remaining.Where(p => !p.IsZombie))
        {
            VerifiedSignal.Send(p.Pid, Signals.SIGKILL, q => family.IsTagged(q) || family.IsGroupLeftover(q));
        }
    }
}
