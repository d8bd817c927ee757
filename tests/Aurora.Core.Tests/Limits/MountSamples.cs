namespace Aurora.Core.Tests.Limits;

/// /proc/self/mountinfo and /proc/self/cgroup as hosts write them. HybridHost is this build machine's (the cgroup
/// and /sys lines verbatim, unrelated mounts left out); PureV2 is the shape of a current systemd host (Fedora,
/// Ubuntu 22.04+, Debian 12) with the daemon in a user's delegated unit; Container is Docker's default on such a
/// host (a private cgroup namespace, /sys/fs/cgroup read-only); HybridCoMounted is an older systemd's hybrid layout
/// with cpu,cpuacct in one hierarchy.
internal static class MountSamples
{
    public const string HybridHost = """
        22 27 0:21 / /proc rw,relatime - proc proc rw
        23 27 0:22 / /sys rw,relatime - sysfs sysfs rw
        27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534
        31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
        32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
        33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
        34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
        35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
        36 31 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices
        37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
        38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio
        39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
        40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
        41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
        """;

    public const string HybridHostCgroup = """
        9:name=systemd:/
        8:pids:/
        7:blkio:/
        6:freezer:/
        5:devices:/
        4:memory:/process_api/0afe3612339b570e505a8d0229d830c7
        3:cpuset:/
        2:cpuacct:/
        1:cpu:/
        0::/
        """;

    public const string PureV2 = """
        22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro
        23 22 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:2 - sysfs sysfs rw
        26 23 0:24 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
        27 23 0:25 / /sys/fs/pstore rw,nosuid,nodev,noexec,relatime shared:10 - pstore pstore rw
        45 22 0:41 / /run/user/1000 rw,nosuid,nodev,relatime shared:250 - tmpfs tmpfs rw,size=1616268k,nr_inodes=404067,mode=700,uid=1000,gid=1000
        """;

    public const string PureV2Cgroup = "0::/user.slice/user-1000.slice/user@1000.service/app.slice/aurora.service\n";

    public const string Container = """
        1074 1009 0:290 / / rw,relatime master:438 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/ABC:/var/lib/docker/overlay2/l/DEF,upperdir=/var/lib/docker/overlay2/x/diff,workdir=/var/lib/docker/overlay2/x/work
        1075 1074 0:293 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw
        1079 1074 0:294 / /sys ro,nosuid,nodev,noexec,relatime - sysfs sysfs ro
        1080 1079 0:30 / /sys/fs/cgroup ro,nosuid,nodev,noexec,relatime - cgroup2 cgroup rw,nsdelegate,memory_recursiveprot
        """;

    public const string ContainerCgroup = "0::/\n";

    public const string HybridCoMounted = """
        25 21 0:22 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
        26 25 0:23 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime shared:10 - cgroup2 cgroup2 rw,nsdelegate
        27 25 0:24 / /sys/fs/cgroup/systemd rw,nosuid,nodev,noexec,relatime shared:11 - cgroup cgroup rw,xattr,name=systemd
        30 25 0:27 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:14 - cgroup cgroup rw,cpu,cpuacct
        31 25 0:28 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:15 - cgroup cgroup rw,memory
        35 25 0:32 / /sys/fs/cgroup/pids rw,nosuid,nodev,noexec,relatime shared:19 - cgroup cgroup rw,pids
        """;

    public const string HybridCoMountedCgroup = """
        12:pids:/system.slice/aurora.service
        8:memory:/system.slice/aurora.service
        4:cpu,cpuacct:/system.slice/aurora.service
        1:name=systemd:/system.slice/aurora.service
        0::/system.slice/aurora.service
        """;
}
