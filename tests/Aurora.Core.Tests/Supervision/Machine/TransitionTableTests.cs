using Aurora.Core.Supervision;

namespace Aurora.Core.Tests.Supervision.Machine;

/// Walks every row of docs/state-machine.md against Transitions.Decide: the documented table is the behaviour.
public class TransitionTableTests
{
    public static TheoryData<TransitionRow> Rows() => [.. TransitionRow.ReadTable()];

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_documented_transition_holds(TransitionRow row)
    {
        var f = TransitionFixture.For(row);
        Assert.Equal(row.From, f.State.Service.State.ToWire());

        var decision = Transitions.Decide(f.State, f.Input, f.Config, TransitionFixture.Now, roll: 0.5);

        Assert.Equal(row.To, decision.ServiceState.ToWire());
        Assert.Equal(row.Events, decision.EventTypes.ToArray());
    }

    [Fact]
    public void The_table_starts_from_every_state()
    {
        var from = TransitionRow.ReadTable().Select(r => TransitionFixture.ParseState(r.From)).ToHashSet();
        Assert.Equal(Enum.GetValues<ServiceState>().ToHashSet(), from);
    }
}
