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

    private void Attach(int generation)
    {
        var adopted = Interlocked.Exchange(ref _adopting, null) ?? throw new InvalidOperationException("nothing to adopt");
        _writer = new DrainTrackingSink(_output.OpenWriter());
        var process = adopted.Attach(_writer);
        _process = process;
        _spawnStamp = null;
        process.Exited.ContinueWith(
            t => Post(new SupervisorInput.Exited(generation, t.Result)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// What a later daemon needs to take this process over, left with it at the spawn.
    private string Memo(Config.ServiceConfig config) => AdoptionMemo.Of(_state, config).Format();
}
