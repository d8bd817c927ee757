using Aurora.Core.Limits;

namespace Aurora.Core.Tests.Limits;

public class CgroupLayoutTests
{
    [Fact]
    public void Mountinfo_lines_give_mount_point_type_options_and_controllers()
    {
        var mounts = MountInfo.Parse(MountSamples.HybridHost);

        var memory = mounts.Single(m => m.MountPoint == "/sys/fs/cgroup/memory");
        Assert.Equal("cgroup", memory.FsType);
        Assert.Equal(["rw", "memory"], memory.SuperOptions);
        Assert.False(memory.ReadOnly);
        Assert.Equal("cgroup2", mounts.Single(m => m.MountPoint == "/sys/fs/cgroup/unified").FsType);
        Assert.True(MountInfo.Parse(MountSamples.Container).Single(m => m.FsType == "cgroup2").ReadOnly);
    }

    [Fact]
    public void Escaped_mount_points_and_optional_fields_are_read()
    {
        var mount = Assert.Single(MountInfo.Parse(@"40 31 0:37 / /mnt/my\040disk rw,relatime shared:5 master:1 - ext4 /dev/sdb1 rw"));
        Assert.Equal("/mnt/my disk", mount.MountPoint);
        Assert.Equal("ext4", mount.FsType);
        Assert.Empty(MountInfo.Parse("garbage line\n"));
    }

    [Fact]
    public void This_hosts_hybrid_layout_uses_unified_v2_and_the_v1_controllers_where_the_daemon_sits()
    {
        var layout = CgroupLayout.Detect(MountSamples.HybridHost, MountSamples.HybridHostCgroup);

        Assert.Equal(CgroupMode.Hybrid, layout.Mode);
        Assert.Equal("/sys/fs/cgroup/unified", layout.Unified);
        Assert.Equal("/", layout.UnifiedOwn);
        Assert.Equal("/sys/fs/cgroup/memory", layout.Controllers["memory"]);
        Assert.Equal("/sys/fs/cgroup/cpu", layout.Controllers["cpu"]);
        Assert.Equal("/sys/fs/cgroup/pids", layout.Controllers["pids"]);
        Assert.Equal("/process_api/0afe3612339b570e505a8d0229d830c7", layout.ControllersOwn["memory"]);

        var project = new ProjectCgroups(layout, "abc");
        Assert.Equal(
            ["/sys/fs/cgroup/unified/aurora-abc", "/sys/fs/cgroup/unified/aurora-abc/api"],
            [project.V2Parent!, project.For("api").Directories[0]]);
        Assert.Equal("/sys/fs/cgroup/memory/process_api/0afe3612339b570e505a8d0229d830c7/aurora-abc", project.V1Parents["memory"]);
        Assert.Contains("/sys/fs/cgroup/pids/aurora-abc/api", project.For("api").Directories);
    }

    [Fact]
    public void A_pure_v2_host_puts_the_project_under_the_daemons_own_delegated_group()
    {
        var layout = CgroupLayout.Detect(MountSamples.PureV2, MountSamples.PureV2Cgroup);

        Assert.Equal(CgroupMode.V2, layout.Mode);
        Assert.Empty(layout.Controllers);
        Assert.Equal("/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service/app.slice/aurora.service/aurora-abc",
            new ProjectCgroups(layout, "abc").V2Parent);
        Assert.Single(new ProjectCgroups(layout, "abc").For("api").Directories);
    }

    [Fact]
    public void A_container_with_a_read_only_cgroup_mount_has_none()
    {
        Assert.Equal(CgroupMode.None, CgroupLayout.Detect(MountSamples.Container, MountSamples.ContainerCgroup).Mode);
    }

    [Fact]
    public void Co_mounted_v1_controllers_and_the_v1_only_setting()
    {
        var layout = CgroupLayout.Detect(MountSamples.HybridCoMounted, MountSamples.HybridCoMountedCgroup);
        Assert.Equal(CgroupMode.Hybrid, layout.Mode);
        Assert.Equal("/sys/fs/cgroup/cpu,cpuacct", layout.Controllers["cpu"]);
        Assert.Equal("/system.slice/aurora.service", layout.ControllersOwn["cpu"]);
        Assert.Equal("/sys/fs/cgroup/cpu,cpuacct/system.slice/aurora.service/aurora-abc/api",
            new ProjectCgroups(layout, "abc").For("api").Directories.Single(d => d.Contains("cpu", StringComparison.Ordinal)));

        var v1 = CgroupLayout.Detect(MountSamples.HybridHost, MountSamples.HybridHostCgroup, ignoreUnified: true);
        Assert.Equal(CgroupMode.V1, v1.Mode);
        Assert.Null(new ProjectCgroups(v1, "abc").V2Parent);
    }

    [Fact]
    public void Off_means_none()
    {
        Assert.Equal(CgroupMode.None, CgroupLayout.OfThisProcess("off").Mode);
    }

    [Fact]
    public void A_path_outside_a_namespaced_mount_root_is_its_root()
    {
        var layout = CgroupLayout.Detect(
            "30 25 0:28 /docker/abc /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n",
            "8:memory:/docker/abc/inner\n");
        Assert.Equal("/inner", layout.ControllersOwn["memory"]);
        Assert.Equal(CgroupMode.V1, layout.Mode);
    }

    [Fact]
    public void A_service_joins_the_v1_cpu_group_only_with_a_cpu_limit()
    {
        var project = new ProjectCgroups(CgroupLayout.Detect(MountSamples.HybridHost, MountSamples.HybridHostCgroup), "abc");

        Assert.DoesNotContain("/sys/fs/cgroup/cpu/aurora-abc/api", project.For("api", Aurora.Core.Config.ResourceLimits.None with { MemoryBytes = 1 << 30 }).Directories);
        Assert.Contains("/sys/fs/cgroup/cpu/aurora-abc/api", project.For("api", Aurora.Core.Config.ResourceLimits.None with { CpuPercent = 50 }).Directories);
        Assert.Contains("/sys/fs/cgroup/cpu/aurora-abc/api", project.For("api").Directories);
    }

    // A group in every hierarchy at every spawn was most of the daemon's CPU in a cold start of 1,000 services.
    [Fact]
    public void On_a_hybrid_host_a_service_without_limits_gets_only_its_unified_group_and_a_v1_group_per_limit()
    {
        var project = new ProjectCgroups(CgroupLayout.Detect(MountSamples.HybridHost, MountSamples.HybridHostCgroup), "abc");
        var none = Aurora.Core.Config.ResourceLimits.None;

        Assert.Equal([project.V2Parent + "/api"], project.For("api", none).Directories);
        var withMemory = project.For("api", none with { MemoryBytes = 1 << 30 }).Directories;
        Assert.Equal(2, withMemory.Count);
        Assert.Single(withMemory, d => d.StartsWith("/sys/fs/cgroup/memory/", StringComparison.Ordinal));
        Assert.Single(project.For("api", none with { Pids = 64 }).Directories, d => d.StartsWith("/sys/fs/cgroup/pids/", StringComparison.Ordinal));
        Assert.Single(project.For("api").Directories, d => d.StartsWith("/sys/fs/cgroup/memory/", StringComparison.Ordinal)); // the sweep looks everywhere
    }

    [Fact]
    public void On_a_v1_only_host_a_service_without_limits_keeps_its_memory_and_pids_groups()
    {
        var project = new ProjectCgroups(CgroupLayout.Detect(
            "30 25 0:28 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n31 25 0:29 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids\n",
            "9:pids:/\n8:memory:/\n"), "abc");

        Assert.Equal(CgroupMode.V1, project.Mode);
        Assert.Equal(["/sys/fs/cgroup/memory/aurora-abc/api", "/sys/fs/cgroup/pids/aurora-abc/api"],
            project.For("api", Aurora.Core.Config.ResourceLimits.None).Directories.Order(StringComparer.Ordinal));
    }
}
