using System.Collections.Immutable;
using Aurora.Core.Logs;
using Aurora.Core.Processes;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// Runs a fix's argv (an install, a user fix, a verify command) in the service's cwd, environment and
/// umask, its output going to the service's log, killed if it outlives its timeout.
public sealed class FixCommandRunner(IProcessLauncher launcher, ImmutableDictionary<string, string> baseEnvironment, TimeProvider time)
{
    public async Task<(bool Ok, string Detail)> RunAsync(ImmutableArray<string> argv, Config.ServiceConfig service, IServiceOutput log,
        TimeSpan timeout, CancellationToken ct)
    {
        var env = baseEnvironment.SetItems(service.Environment);
        log.WriteNote($"[aurora] fix runs: {string.Join(' ', argv)}");
        IRunningProcess process;
        try
        {
            process = launcher.Start(new ProcessSpec(argv, service.WorkingDirectory, env, null, log.OpenWriter(), service.Umask));
        }
        catch (ProcessSpawnException ex)
        {
            return (false, ex.Message);
        }

        using var timer = new CancellationTokenSource(timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            var status = await process.Exited.WaitAsync(deadline.Token);
            return (status.Success, $"{string.Join(' ', argv)}: {status}");
        }
        catch (OperationCanceledException)
        {
            await process.StopAsync(Signals.SIGKILL, TimeSpan.Zero, CancellationToken.None);
            return (false, $"{string.Join(' ', argv)}: timed out after {timeout.TotalSeconds:0}s");
        }
    }
}
