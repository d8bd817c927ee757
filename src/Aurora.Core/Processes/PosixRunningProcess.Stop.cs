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
            // A stopped process cannot act on SIGTERM until it is continued.
            SignalGroup(signal);
            SignalGroup(Signals.SIGCONT);
            foreach (var escaped in await family.TaggedAsync())
            {
                VerifiedSignal.Send(escaped, signal, family.IsTagged);
                VerifiedSignal.Send(escaped, Signals.SIGCONT, family.IsTagged);
            }

            await WaitForLeaderAsync(grace, ct);
        }

        // The group now; tagged descendants as the first look at what is left finds them.
        SignalGroup(Signals.SIGKILL);
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

    private async Task WaitUntilGoneAsync(CancellationToken ct)
    {
        while (true)
        {
            var reaped = reaper.NextReap;
            reaper.ReapAll();
            var remaining = await family.RemainingAsync(exited.IsCompleted);
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
