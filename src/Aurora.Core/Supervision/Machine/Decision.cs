using System.Collections.Immutable;
using Aurora.Core.Config;

namespace Aurora.Core.Supervision;

/// The outcome of one input: the next state and the effects to carry out, in order.
public sealed record Decision(SupervisorState State, ImmutableArray<SupervisorEffect> Effects)
{
    public ServiceState ServiceState => State.Service.State;

    /// The event types the decision publishes, in order.
    public IEnumerable<string> EventTypes => Effects.OfType<SupervisorEffect.Publish>().Select(p => p.Type);
}

/// Collects one decision. The service's snapshot changes only through Publish, so every change is published.
internal sealed class DecisionBuilder(SupervisorState state, ServiceConfig config, DateTimeOffset now, double roll)
{
    private readonly ImmutableArray<SupervisorEffect>.Builder _effects = ImmutableArray.CreateBuilder<SupervisorEffect>();

    public SupervisorState State { get; set; } = state;

    public ServiceConfig Config { get; } = config;

    public DateTimeOffset Now { get; } = now;

    /// A draw in [0, 1) for the backoff's jitter.
    public double Roll { get; } = roll;

    public ServiceSnapshot Service => State.Service;

    /// Every change of the snapshot is an event: dependents, clients and the store all read that one stream.
    public void Publish(ServiceSnapshot next, string type, EventFields data = default)
    {
        State = State with { Service = next };
        _effects.Add(new SupervisorEffect.Publish(next, type, data.IsDefaultOrEmpty ? EventFields.Of(("state", next.State.ToWire())) : data));
    }

    public void Do(SupervisorEffect effect) => _effects.Add(effect);

    public void Note(string text) => _effects.Add(new SupervisorEffect.Note(text));

    public Decision Build() => new(State, _effects.ToImmutable());
}
