using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Reload;
using Aurora.Core.Tests.Supervision;

namespace Aurora.Core.Tests.Reload;

public class ReloadPlannerTests
{
    private static AuroraConfig Config(params ServiceConfig[] services) =>
        new("/p/aurora.yaml", "/p", [.. services], HealingConfig.Default, MonitorConfig.Default, MaintenanceConfig.Default, null, [], StoreConfig.Default);

    [Fact]
    public void Identical_configs_built_separately_change_nothing()
    {
        var plan = ReloadPlanner.Plan(Config(TestConfigs.Service("a"), TestConfigs.Service("b")),
            Config(TestConfigs.Service("a"), TestConfigs.Service("b")));
        Assert.True(plan.ChangesNothing);
        Assert.Equal(["a", "b"], plan.Unchanged);
    }

    [Fact]
    public void Process_fields_restart_and_other_fields_update_in_place()
    {
        var a = TestConfigs.Service("a");
        var b = TestConfigs.Service("b");
        var plan = ReloadPlanner.Plan(Config(a, b), Config(
            a with { Environment = ImmutableSortedDictionary<string, string>.Empty.Add("X", "1") },
            b with { Health = TestConfigs.Http(), Logs = new LogConfig(1024, 1) }));
        Assert.Equal("a", Assert.Single(plan.Restarted).Service);
        Assert.Equal(["env"], plan.Restarted[0].Fields);
        Assert.Equal(["health", "logs"], Assert.Single(plan.Updated).Fields);
    }

    [Fact]
    public void Added_and_removed_services_are_listed_by_name()
    {
        var plan = ReloadPlanner.Plan(Config(TestConfigs.Service("a"), TestConfigs.Service("old")),
            Config(TestConfigs.Service("a"), TestConfigs.Service("new")));
        Assert.Equal(["new"], plan.Added);
        Assert.Equal(["old"], plan.Removed);
    }

    [Fact]
    public void A_changed_command_lists_every_changed_field()
    {
        var a = TestConfigs.Service("a");
        var plan = ReloadPlanner.Plan(Config(a), Config(a with { Command = ["other"], Restart = RestartConfig.Default with { Policy = RestartPolicyKind.Always } }));
        Assert.Equal(["command", "restart"], Assert.Single(plan.Restarted).Fields);
    }

    [Fact]
    public void A_changed_umask_restarts_the_service()
    {
        var a = TestConfigs.Service("a");
        var plan = ReloadPlanner.Plan(Config(a), Config(a with { Umask = 0b000_010_010 }));
        Assert.Equal(["umask"], Assert.Single(plan.Restarted).Fields);
    }

    [Fact]
    public void A_changed_notify_list_is_a_setting_applied_in_place()
    {
        var a = TestConfigs.Service("a");
        var next = Config(a) with { Notify = [new NotifyConfig("http://127.0.0.1:9000/hook", ["fix.verified"])] };

        var plan = ReloadPlanner.Plan(Config(a), next);

        Assert.Equal(["notify"], plan.Settings);
        Assert.False(plan.ChangesNothing);
        Assert.Empty(plan.NeedsDaemonRestart);
        Assert.True(ReloadPlanner.Plan(next, next with { Notify = [new NotifyConfig("http://127.0.0.1:9000/hook", ["fix.verified"])] }).ChangesNothing);
    }
}
