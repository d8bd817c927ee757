using Aurora.Core.Resources;
using Aurora.Core.Supervision;

namespace Aurora.Core.Limits;

/// The sampler's side of `limits:`: each tick, every sampled service with limits is checked (LimitWatch) and
/// each breach goes to its supervisor, which publishes `resource.exceeded` and kills where the rule says. The
/// supervisor checks the breach is of its current process (by pid, before anything is signalled: never a
/// foreign process), and its kill goes to the group it tracks (reaper-held or pidfd-verified, or cgroup.kill).
public sealed class LimitEnforcer(Func<string, ServiceSupervisor?> find, IServiceLimits? limits)
{
    private readonly LimitWatch _watch = new();
    private readonly List<LimitBreach> _breaches = [];

    /// Called by the sampler with every tick (on its one thread).
    public void OnTick(ResourceTick tick)
    {
        foreach (var sample in tick.Services)
        {
            if (find(sample.Name) is not { } supervisor || supervisor.Config.Limits is not { Any: true } configured)
            {
                continue;
            }

            _breaches.Clear();
            _watch.Check(sample, configured, limits?.KernelEnforces(sample.Name) ?? LimitKinds.None,
                limits?.PidsRefused(sample.Name) ?? 0, tick.Time, _breaches);
            foreach (var breach in _breaches)
            {
                supervisor.ReportLimit(sample.Pid, breach);
            }
        }

        _watch.Forget(tick.Time);
    }
}
