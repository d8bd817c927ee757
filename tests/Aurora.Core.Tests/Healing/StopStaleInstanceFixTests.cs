using Aurora.Core.Diagnosis;
using Aurora.Core.Healing;
using Aurora.Core.Tests.Supervision;

namespace Aurora.Core.Tests.Healing;

public sealed class StopStaleInstanceFixTests
{
    private sealed class NoOwners : IPortOwners
    {
        public List<int> Asked { get; } = [];

        public PortOwner? Owner(int port)
        {
            Asked.Add(port);
            return null;
        }
    }

    [Theory]
    [InlineData("port 99999999999999999999 is held by pid 1")]
    [InlineData("port 4294967297 is held by pid 1")]
    [InlineData("port \u0665\u0660\u0660\u0661 is held by pid 1")]
    [InlineData("port 70000 is held by pid 1")]
    [InlineData("port 0 is held by pid 1")]
    public void A_crafted_output_line_cannot_make_it_throw_parsing_a_number(string line)
    {
        // Issue 19, finding 7: evidence lines come from the service's own output.
        var owners = new NoOwners();
        var fix = new StopStaleInstanceFix(owners, TimeProvider.System);
        var context = new FixContext(TestConfigs.Service("web"), new Aurora.Core.Diagnosis.Diagnosis(Causes.PortConflict, 0.9, [line], ""), "/tmp", "p");

        var (applies, reason) = fix.Check(context);

        Assert.False(applies);
        Assert.Contains("not known", reason);
        Assert.Empty(owners.Asked);
    }

    [Fact]
    public void A_well_formed_holder_line_is_asked_about()
    {
        var owners = new NoOwners();
        var fix = new StopStaleInstanceFix(owners, TimeProvider.System);
        var context = new FixContext(TestConfigs.Service("web"), new Aurora.Core.Diagnosis.Diagnosis(Causes.PortConflict, 0.9, ["port 5001 is held by pid 42 (python3)"], ""), "/tmp", "p");

        fix.Check(context);

        Assert.Equal([5001], owners.Asked);
    }
}
