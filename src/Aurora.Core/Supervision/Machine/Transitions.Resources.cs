using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Limits;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// A limit exceeded (`resource.exceeded`). Memory: the tree is killed — by the kernel's OOM killer under a cgroup,
/// by the supervisor's SIGKILL of the group under sampling — and the exit that follows is `out_of_memory`, restarted
/// through the restart policy. Pids: a cgroup refuses the forks (reported only); under sampling the group is
/// killed. CPU (over `limits.cpu` for `limits.for`): `on_cpu: warn` reports, `restart` kills the group so the exit
/// goes through the restart policy like any failure.
public static partial class Transitions
{
    private static void OnResourceExceeded(DecisionBuilder d, LimitBreach breach)
    {
        var integral = breach.Resource != LimitBreach.Cpu;
        var data = EventFields.Of(("resource", breach.Resource),
            ("usage", integral ? (object)(long)breach.Usage : Math.Round(breach.Usage, 1)),
            ("limit", integral ? (object)(long)breach.Limit : Math.Round(breach.Limit, 1)),
            ("enforced_by", breach.EnforcedBy), ("pid", d.Service.Pid));
        var kill = breach.Resource switch
        {
            LimitBreach.Memory => !breach.KilledByKernel,
            LimitBreach.Pids => breach.EnforcedBy == LimitBreach.BySampling,
            _ => d.Config.Limits.OnCpu == CpuAction.Restart,
        };
        var outcome = breach.KilledByKernel ? "killed by the kernel" : kill ? "killing the process tree" : "reported";
        d.Note($"[aurora] {breach.Describe()}: {outcome}");
        if (breach.Resource == LimitBreach.Memory)
        {
            d.State = d.State with { KillCause = Causes.OutOfMemory, MemoryAtKill = (long)breach.Usage };
        }

        d.Publish(d.Service, EventTypes.ResourceExceeded, data);
        if (kill)
        {
            d.Do(new SupervisorEffect.Signal(Signals.SIGKILL));
        }
    }
}
