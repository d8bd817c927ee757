using Aurora.Core.Config;
using Aurora.Core.Supervision;

namespace Aurora.Core.Tests.Supervision.Machine;

/// Feeds inputs to Transitions.Decide one after another on plain values, with a clock that only moves when told.
internal sealed class MachineDriver(ServiceConfig config, SupervisorState? state = null)
{
    public SupervisorState State { get; private set; } = state ?? SupervisorState.Initial(config.Name);

    public ServiceConfig Config { get; private set; } = config;

    public DateTimeOffset Now { get; private set; } = TransitionFixture.Now;

    public double Roll { get; set; } = 0.5;

    public Decision Last { get; private set; } = null!;

    public Decision Feed(SupervisorInput input)
    {
        Last = Transitions.Decide(State, input, Config, Now, Roll);
        State = Last.State;
        if (input is SupervisorInput.Reconfigure r)
        {
            Config = r.Config;
        }

        return Last;
    }

    public void Advance(TimeSpan by) => Now += by;

    /// Start (or restart) and let the spawn succeed: the way the loop answers a Spawn effect.
    public Decision Spawn(int pid)
    {
        Assert.Contains(Last.Effects, e => e is SupervisorEffect.Spawn);
        return Feed(new SupervisorInput.Spawned(pid, pid * 10L, Now));
    }

    public T Effect<T>() where T : SupervisorEffect => Assert.Single(Last.Effects.OfType<T>());
}
