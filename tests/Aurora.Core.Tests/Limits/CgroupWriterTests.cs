using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Limits;

namespace Aurora.Core.Tests.Limits;

/// The v2 and v1 writers against a directory tree shaped like cgroupfs.
public sealed class CgroupWriterTests : IDisposable
{
    private static readonly ResourceLimits All = new(64L << 20, 150, TimeSpan.FromSeconds(30), CpuAction.Warn, 20);

    private readonly FakeCgroupFs _fs = new();

    public void Dispose() => _fs.Dispose();

    private static readonly string[] V2Files =
    [
        "cgroup.procs", "cgroup.kill", "cgroup.events", "memory.max", "memory.high", "memory.swap.max", "memory.oom.group",
        "memory.events", "cpu.max", "pids.max", "pids.events",
    ];

    [Fact]
    public void The_v2_writer_sets_every_limit_attaches_kills_and_reads_the_events()
    {
        var dir = _fs.Group("aurora-p/api", [.. V2Files.Select(f => (f, ""))]);
        var group = new CgroupV2(dir, limits: true);

        group.Create();
        group.Apply(All);
        group.Attach(4242);

        Assert.Equal("67108864", _fs.Read(dir, "memory.max"));
        Assert.Equal("62914560", _fs.Read(dir, "memory.high"));
        Assert.Equal("0", _fs.Read(dir, "memory.swap.max"));
        Assert.Equal("1", _fs.Read(dir, "memory.oom.group"));
        Assert.Equal("150000 100000", _fs.Read(dir, "cpu.max"));
        Assert.Equal("20", _fs.Read(dir, "pids.max"));
        Assert.Equal("4242", _fs.Read(dir, "cgroup.procs"));
        Assert.Equal(LimitKinds.Memory | LimitKinds.Cpu | LimitKinds.Pids, group.Enforces);

        Assert.True(group.Kill());
        Assert.Equal("1", _fs.Read(dir, "cgroup.kill"));

        File.WriteAllText(Path.Combine(dir, "cgroup.events"), "populated 1\nfrozen 0\n");
        File.WriteAllText(Path.Combine(dir, "memory.events"), "low 0\nhigh 12\nmax 40\noom 2\noom_kill 1\noom_group_kill 1\n");
        File.WriteAllText(Path.Combine(dir, "pids.events"), "max 7\n");
        Assert.True(group.Populated);
        Assert.Equal(1, group.OomKills);
        Assert.Equal(7, group.PidsRefused);
    }

    [Fact]
    public void A_hybrid_hosts_v2_group_carries_no_limit_and_a_missing_control_file_is_not_offered()
    {
        var dir = _fs.Group("aurora-p/api", ("cgroup.procs", ""), ("cgroup.events", "populated 0\n"));
        var group = new CgroupV2(dir, limits: false);
        group.Apply(All);
        Assert.Equal(LimitKinds.None, group.Enforces);
        Assert.False(File.Exists(Path.Combine(dir, "memory.max")));
        Assert.False(group.Populated);

        var bare = new CgroupV2(_fs.Group("aurora-p/web", ("cgroup.procs", "")), limits: true);
        bare.Apply(All);
        Assert.Equal(LimitKinds.None, bare.Enforces); // no memory, cpu or pids controller offered there
        Assert.False(bare.Kill()); // no cgroup.kill (a kernel before 5.14)
    }

    [Fact]
    public void The_v1_writer_sets_memory_with_swap_cpu_quota_and_pids()
    {
        var memory = _fs.Group("memory/aurora-p/api", ("cgroup.procs", ""), ("memory.limit_in_bytes", ""), ("memory.memsw.limit_in_bytes", ""),
            ("memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n"));
        var cpu = _fs.Group("cpu/aurora-p/api", ("cgroup.procs", ""), ("cpu.cfs_period_us", ""), ("cpu.cfs_quota_us", ""));
        var pids = _fs.Group("pids/aurora-p/api", ("cgroup.procs", ""), ("pids.max", ""), ("pids.events", "max 3\n"));
        var group = new CgroupV1(ImmutableDictionary<string, string>.Empty.Add("memory", memory).Add("cpu", cpu).Add("pids", pids));

        group.Create();
        group.Apply(All with { CpuPercent = 90 });
        group.Attach(4242);

        Assert.Equal("67108864", _fs.Read(memory, "memory.limit_in_bytes"));
        Assert.Equal("67108864", _fs.Read(memory, "memory.memsw.limit_in_bytes"));
        Assert.Equal("100000", _fs.Read(cpu, "cpu.cfs_period_us"));
        Assert.Equal("90000", _fs.Read(cpu, "cpu.cfs_quota_us"));
        Assert.Equal("20", _fs.Read(pids, "pids.max"));
        Assert.All([memory, cpu, pids], d => Assert.Equal("4242", _fs.Read(d, "cgroup.procs")));
        Assert.Equal(LimitKinds.Memory | LimitKinds.Cpu | LimitKinds.Pids, group.Enforces);
        Assert.Equal(2, group.OomKills);
        Assert.Equal(3, group.PidsRefused);
        Assert.True(group.Populated); // the fake's cgroup.procs holds the pid written
    }

    [Fact]
    public void An_older_v1_kernel_without_oom_kill_counts_the_limit_failures()
    {
        var memory = _fs.Group("memory/aurora-p/api", ("memory.oom_control", "oom_kill_disable 0\nunder_oom 0\n"), ("memory.failcnt", "5\n"));
        Assert.Equal(5, new CgroupV1(ImmutableDictionary<string, string>.Empty.Add("memory", memory)).OomKills);
    }

    [Fact]
    public void A_pure_v2_project_moves_the_daemon_into_its_leaf_and_enables_the_offered_controllers()
    {
        var own = _fs.Group("user.slice/aurora.service", ("cgroup.controllers", "cpuset cpu io memory pids\n"), ("cgroup.subtree_control", ""),
            ("cgroup.procs", ""));
        var layout = new CgroupLayout(CgroupMode.V2, _fs.Root, "/user.slice/aurora.service", ImmutableDictionary<string, string>.Empty,
            ImmutableDictionary<string, string>.Empty);
        var project = new ProjectCgroups(layout, "abc");
        var parent = _fs.Group("user.slice/aurora.service/aurora-abc", ("cgroup.subtree_control", ""));
        _fs.Group("user.slice/aurora.service/aurora-abc/_daemon", ("cgroup.procs", ""));

        Assert.Null(project.Prepare());

        Assert.Equal(Environment.ProcessId.ToString(), _fs.Read(Path.Combine(parent, ProjectCgroups.DaemonLeaf), "cgroup.procs"));
        Assert.Equal("+memory +cpu +pids", _fs.Read(own, "cgroup.subtree_control"));
        Assert.Equal("+memory +cpu +pids", _fs.Read(parent, "cgroup.subtree_control"));
        Assert.Equal(CgroupMode.V2, project.Mode);
        Assert.Equal(Path.Combine(parent, "api"), Assert.Single(project.For("api").Directories));
    }

    [Fact]
    public void A_v2_group_not_delegated_falls_back_to_sampling()
    {
        _fs.Group("user.slice/session-1.scope", ("cgroup.controllers", "\n"));
        var layout = new CgroupLayout(CgroupMode.V2, _fs.Root, "/user.slice/session-1.scope", ImmutableDictionary<string, string>.Empty,
            ImmutableDictionary<string, string>.Empty);
        var project = new ProjectCgroups(layout, "abc");

        Assert.Contains("offers none of memory, cpu, pids", project.Prepare());
        Assert.Equal(CgroupMode.None, project.Mode);
        Assert.Empty(project.For("api").Directories);
    }
}
