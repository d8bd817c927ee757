namespace Aurora.Core.Supervision;

/// Letting go of a service without touching its process, for a daemon that hands over to the next.
public sealed partial class ServiceSupervisor
{
    /// Ends the loop (what is in the inbox is handled first) and stops every timer, check and probe; the process
    /// runs on, held by the holder for the next daemon, which adopts it.
    public async Task DetachAsync()
    {
        _inbox.Writer.TryComplete();
        await _loop;
        _shutdown.Cancel();
        _healthWatch?.Dispose();
        _notify?.Dispose();
        CancelBackoff();
        CancelProbe();
        CancelDeadlines();
        _schedule?.Cancel();
        _shutdown.Dispose();
    }
}
