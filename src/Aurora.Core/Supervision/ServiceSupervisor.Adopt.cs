using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// Taking over a process an earlier daemon started (see Transitions.Adopt).
public sealed partial class ServiceSupervisor
{
    private AdoptedService? _adopting;

    /// Supervises the adopted process from now on, as if this daemon had started it.
    public Task AdoptAsync(AdoptedService adopted, string? source = null)
    {
        Volatile.Write(ref _adopting, adopted);
        return Send(new SupervisorInput.Adopt(adopted.Pid, adopted.StartTicks, adopted.StartedAt, adopted.Memo, adopted.HeldBytes, adopted.DroppedBytes), source);
    }

    /// Keeps the service as the store last saw it (Transitions.Restore) instead of starting it.
    public Task RestoreAsync(RestoredService restored) => Send(new SupervisorInput.Restore(restored.Last, restored.Attempt), null);

    private void Attach(int generation)
    {
        var adopted = Interlocked.Exchange(ref _adopting, null) ?? throw new InvalidOperationException("nothing to adopt");
        var config = _config;
        _writer = new DrainTrackingSink(_output.OpenWriter());
        var process = adopted.Attach(_writer);
        process = _ctx.Limits?.Reattach(config, process) ?? process;
        _process = process;
        _spawnStamp = null;
        ListenForNotify(config, process.Pid, generation);
        WatchExit(process, generation, spawnStamp: null);
    }

    /// `ready: { notify: true }`: the process keeps sending to the $NOTIFY_SOCKET it was started with (one address per
    /// process, which the earlier daemon bound and took with it), so that address is bound again for its WATCHDOG=1,
    /// STATUS= and READY=1. Read from the process's own environment: the only record of it that outlives the daemon.
    private void ListenForNotify(Config.ServiceConfig config, int pid, int generation)
    {
        if (config.Ready is not { Notify: true })
        {
            return;
        }

        if (Notify.NotifyAddress.Parse(Processes.ProcessTable.Variable(pid, Notify.NotifyVariables.Socket)) is not { IsAbstract: true } address)
        {
            return; // gone meanwhile (its exit follows), or started without one
        }

        try
        {
            _notify?.Dispose();
            _notify = new NotifyWatch(address, m => OnNotify(generation, m));
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            _notify = null;
            _output.WriteNote($"[aurora] cannot listen on pid {pid}'s NOTIFY_SOCKET {address} again ({ex.Message}): its notifications are lost");
        }
    }

    /// What a later daemon needs to take this process over, left with it at the spawn.
    private string Memo(Config.ServiceConfig config) => AdoptionMemo.Of(_state, config).Format();
}
