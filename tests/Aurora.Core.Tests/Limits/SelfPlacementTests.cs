using Aurora.Core.Limits;

namespace Aurora.Core.Tests.Limits;

/// A spawned process starts in its spawner's cgroups; one that sits elsewhere in a hierarchy Aurora places
/// services in (v2, v1 memory/cpu/pids) put itself there, and is left there.
public class SelfPlacementTests
{
    private const string Spawner = """
        9:name=systemd:/
        8:pids:/
        6:freezer:/
        4:memory:/process_api/79c6
        1:cpu,cpuacct:/
        0::/
        """;

    [Fact]
    public void A_child_where_its_spawner_is_has_not_moved() =>
        Assert.Null(SelfPlacement.Moved(Spawner, Spawner));

    [Fact]
    public void A_child_in_another_v1_memory_group_moved_itself_there() =>
        Assert.Equal("memory:/aurora-corpus-29-x", SelfPlacement.Moved(Spawner.Replace("4:memory:/process_api/79c6", "4:memory:/aurora-corpus-29-x"), Spawner));

    [Fact]
    public void A_child_in_another_v2_group_moved_itself_there() =>
        Assert.Equal("/user.slice/run-u12.scope", SelfPlacement.Moved(Spawner.Replace("0::/", "0::/user.slice/run-u12.scope"), Spawner));

    [Fact]
    public void A_joint_v1_hierarchy_with_cpu_counts() =>
        Assert.Equal("cpu,cpuacct:/small", SelfPlacement.Moved(Spawner.Replace("1:cpu,cpuacct:/", "1:cpu,cpuacct:/small"), Spawner));

    [Fact]
    public void A_move_in_a_hierarchy_Aurora_does_not_place_in_is_not_its_business()
    {
        var child = Spawner.Replace("6:freezer:/", "6:freezer:/frozen").Replace("9:name=systemd:/", "9:name=systemd:/x.scope");
        Assert.Null(SelfPlacement.Moved(child, Spawner));
    }

    [Fact]
    public void A_hierarchy_only_one_of_them_lists_is_no_evidence() =>
        Assert.Null(SelfPlacement.Moved("4:memory:/elsewhere\n0::/", "0::/"));

    [Fact]
    public void This_test_process_has_not_moved_from_itself() =>
        Assert.Null(SelfPlacement.Moved(Environment.ProcessId, Environment.ProcessId));

    [Fact]
    public void A_gone_process_is_no_evidence_of_a_move()
    {
        Assert.Null(SelfPlacement.Moved(int.MaxValue, Environment.ProcessId));
        Assert.Null(SelfPlacement.ParentOf(int.MaxValue));
    }

    [Fact]
    public void The_parent_of_this_process_is_read_from_proc() =>
        Assert.Equal(ParentFromStat(), SelfPlacement.ParentOf(Environment.ProcessId));

    /// The fourth field of /proc/self/stat (after the command in parentheses), read independently of status.
    private static int ParentFromStat()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
