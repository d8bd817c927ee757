using System.Collections.Immutable;
using Aurora.Core.Processes;

namespace Aurora.Core.Health;

/// Runs argv through the launcher (never a shell), output discarded: exit 0 is healthy.
/// On timeout the check's process group is SIGKILLed and reaped before the result is returned,
/// so a hung check never outlives its timeout.
public sealed class ExecProbe(
    ImmutableArray<string> argv,
    string workingDirectory,
    ImmutableDictionary<string, string> environment,
    IProcessLauncher launcher,
    TimeSpan timeout,
    TimeProvider time) : IHealthProbe
{
    public ImmutableArray<string> Argv { get; } = argv;

    public async Task<HealthResult> CheckAsync(CancellationToken ct)
    {
        // Start is a synchronous fork/exec: get off the caller's thread (HealthScheduler's loop) first.
        await Task.Yield();
        var start = time.GetTimestamp();
        IRunningProcess process;
        try
        {
            process = launcher.Start(new ProcessSpec(Argv, workingDirectory, environment));
        }
        catch (ProcessSpawnException ex)
        {
            return new HealthResult(false, ex.Message, time.GetElapsedTime(start));
        }

        try
        {
            var exit = await process.Exited.WaitAsync(ct);
            return new HealthResult(exit.Success, exit.ToString(), time.GetElapsedTime(start));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // ct is already cancelled: the kill must not depend on it.
            await process.StopAsync(Signals.SIGKILL, TimeSpan.Zero, CancellationToken.None);
            return new HealthResult(false, ProbeText.TimedOut(timeout), time.GetElapsedTime(start), TimedOut: true);
        }
    }
}
