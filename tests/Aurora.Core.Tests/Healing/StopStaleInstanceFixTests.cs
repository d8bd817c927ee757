using Aurora.Core.Diagnosis;
using Aurora.Core.Healing;
using Aurora.Core.Tests.Supervision;

namespace Aurora.Core.Tests.Healing;

public sealed class StopStaleInstanceFixTests
{
    private sealed class TaggedOwner(int pid) : IPortOwners
    {
        public PortOwner? Owner(int port) => new(port, pid, ["python3", "app.py"], "p/web");
    }

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

    [Fact]
    public void The_services_own_running_instance_is_not_a_stale_one()
    {
        // The running instance carries the same tag: a late diagnosis must not have the fix stop it.
        var fix = new StopStaleInstanceFix(new TaggedOwner(Environment.ProcessId), TimeProvider.System);
        var context = new FixContext(TestConfigs.Service("web") with { Ports = [5001] },
            new Aurora.Core.Diagnosis.Diagnosis(Causes.PortConflict, 0.9, [], ""), "/tmp", "p", ServicePid: Environment.ProcessId);

        var (applies, reason) = fix.Check(context);

        Assert.False(applies);
        Assert.Contains("own running instance", reason);
        Assert.True(fix.Check(context with { ServicePid = null }).Applies);
    }

    [Fact]
    public async Task A_holder_gone_by_the_time_it_applies_leaves_a_free_port_not_an_exception()
    {
        // The service's stop also ends what carries its tag, the stale instance included.
        var fix = new StopStaleInstanceFix(new NoOwners(), TimeProvider.System);
        var context = new FixContext(TestConfigs.Service("web") with { Ports = [5001] },
            new Aurora.Core.Diagnosis.Diagnosis(Causes.PortConflict, 0.9, [], ""), "/tmp", "p");

        var result = await fix.ApplyAsync(context, CancellationToken.None);

        Assert.True(result.Applied);
        Assert.Contains("port is free", result.Detail);
    }
}
