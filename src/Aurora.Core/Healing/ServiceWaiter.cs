using Aurora.Core.Config;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// How a change to a service is verified, by the healer's fixes and by applied insights alike: the service is
/// healthy (or running, without a health check) within the timeout and stays so for a moment.
public sealed class ServiceWaiter(ServiceStateStore states, TimeProvider time)
{
    /// How long a verified service must stay up (same pid, still healthy/running) to count as fixed.
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    /// Ok when the service came up and stayed up (for `stay`, Settle unless given); else why not. notPid: a process
    /// that does not count (the one a restart replaces, which may still be shown healthy for a moment).
    public async Task<(bool Ok, string Why)> UpAsync(ServiceConfig config, TimeSpan timeout, CancellationToken ct, int? notPid = null,
        TimeSpan? stay = null)
    {
        var settle = stay ?? Settle;
        var wanted = config.Health is null ? ServiceState.Running : ServiceState.Healthy;
        bool Up(ServiceSnapshot s) => s.Pid is not null && s.Pid != notPid && s.State == wanted;

        var up = await WaitForAsync(config.Name, Up, timeout, ct);
        if (up is null)
        {
            var now = states.Get(config.Name)?.State.ToWire() ?? "gone";
            return (false, $"{config.Name} was not {wanted.ToWire()} within {timeout.TotalSeconds:0.#}s (now {now})");
        }

        var pid = up.Pid;
        var fell = await WaitForAsync(config.Name, s => !Up(s) || s.Pid != pid, settle, ct);
        if (fell is not null)
        {
            return (false, fell.Pid != pid
                ? $"{config.Name}'s process (pid {pid}) exited within {settle.TotalSeconds:0.#}s of coming up"
                : $"{config.Name} did not stay {wanted.ToWire()} for {settle.TotalSeconds:0.#}s (became {fell.State.ToWire()})");
        }

        return (true, "");
    }

    /// The first snapshot of the service (current or next) that matches, or null after the timeout.
    public async Task<ServiceSnapshot?> WaitForAsync(string name, Func<ServiceSnapshot, bool> match, TimeSpan timeout, CancellationToken ct)
    {
        var found = new TaskCompletionSource<ServiceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(ServiceChange c)
        {
            if (c.Snapshot.Name == name && !c.Removed && match(c.Snapshot))
            {
                found.TrySetResult(c.Snapshot);
            }
        }

        states.Published += OnChange;
        try
        {
            if (states.Get(name) is { } now && match(now))
            {
                return now;
            }

            var winner = await Task.WhenAny(found.Task, Task.Delay(timeout, time, ct));
            return winner == found.Task ? await found.Task : null;
        }
        finally
        {
            states.Published -= OnChange;
        }
    }
}
