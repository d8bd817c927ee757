using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

public sealed partial class HealingEngine
{
    /// How long a verified service must stay up (same pid, still healthy/running) to count as fixed.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    /// The service is healthy (or running, without a health check) within the timeout and stays so for a
    /// moment; then the fix's own verify command, if any, exits 0.
    private async Task<(bool Ok, string Why)> VerifyAsync(ServiceSupervisor supervisor, IFix fix, TimeSpan timeout, CancellationToken ct)
    {
        var config = supervisor.Config;
        var wanted = config.Health is null ? ServiceState.Running : ServiceState.Healthy;
        bool Up(ServiceSnapshot s) => s.Pid is not null && s.State == wanted;

        var up = await WaitForAsync(supervisor.Name, Up, timeout, ct);
        if (up is null)
        {
            return (false, $"{supervisor.Name} was not {wanted.ToWire()} within {timeout.TotalSeconds:0.#}s (now {supervisor.Snapshot.State.ToWire()})");
        }

        var pid = up.Pid;
        var fell = await WaitForAsync(supervisor.Name, s => !Up(s) || s.Pid != pid, Settle, ct);
        if (fell is not null)
        {
            return (false, fell.Pid != pid
                ? $"{supervisor.Name}'s process (pid {pid}) exited within {Settle.TotalSeconds:0}s of coming up"
                : $"{supervisor.Name} did not stay {wanted.ToWire()} (became {fell.State.ToWire()})");
        }

        if (!fix.Verify.IsEmpty)
        {
            var (ok, detail) = await _setup.Runner.RunAsync(fix.Verify, config, supervisor.Output, timeout, ct);
            if (!ok)
            {
                return (false, $"verify failed: {detail}");
            }
        }

        return (true, "");
    }

    /// The first snapshot of the service (current or next) that matches, or null after the timeout.
    private async Task<ServiceSnapshot?> WaitForAsync(string name, Func<ServiceSnapshot, bool> match, TimeSpan timeout, CancellationToken ct)
    {
        var found = new TaskCompletionSource<ServiceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(ServiceChange c)
        {
            if (c.Snapshot.Name == name && !c.Removed && match(c.Snapshot))
            {
                found.TrySetResult(c.Snapshot);
            }
        }

        _setup.States.Published += OnChange;
        try
        {
            if (_setup.States.Get(name) is { } now && match(now))
            {
                return now;
            }

            var winner = await Task.WhenAny(found.Task, Task.Delay(timeout, _setup.Time, ct));
            return winner == found.Task ? await found.Task : null;
        }
        finally
        {
            _setup.States.Published -= OnChange;
        }
    }
}
