using Aurora.Core.Diagnosis;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Diagnosis;

public class KernelOomLogTests
{
    // Real /dev/kmsg records of a memory-cgroup OOM kill (python3 in a 64 MiB cgroup), with a neighbour.
    private static readonly string[] Records =
    [
        "6,1580,1021333622,-;oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/corpus-probe,task_memcg=/corpus-probe,task=python3,pid=32408,uid=0",
        "3,1581,1021333656,-;Memory cgroup out of memory: Killed process 32408 (python3) total-vm:75364kB, anon-rss:65280kB, file-rss:6652kB, shmem-rss:0kB, UID:0 pgtables:184kB oom_score_adj:0",
        "3,1590,1030000000,-;Out of memory: Killed process 555 (node) total-vm:1kB",
    ];

    [Fact]
    public void Finds_the_kill_of_the_pid_within_the_window()
    {
        var kill = KernelOomLog.Find(Records, nowMicros: 1_031_000_000, pid: 32408, TimeSpan.FromSeconds(15));
        Assert.Equal(new OomKill(32408, "python3", Records[1][(Records[1].IndexOf(';') + 1)..]), kill);
    }

    [Fact]
    public void Without_a_pid_match_takes_the_newest_kill_in_the_window_and_nothing_older()
    {
        Assert.Equal(555, KernelOomLog.Find(Records, 1_031_000_000, pid: 1, TimeSpan.FromSeconds(15))?.Pid);
        Assert.Null(KernelOomLog.Find(Records, 1_100_000_000, pid: 32408, TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public void Compares_record_times_with_the_time_providers_monotonic_clock()
    {
        var time = new FakeTimeProvider();
        var at = (long)(time.GetTimestamp() * 1_000_000.0 / time.TimestampFrequency);
        var fresh = new KernelOomLog(time, () => [$"3,1,{at - 2_000_000},-;Out of memory: Killed process 9 (java) total-vm:1kB"]);
        Assert.Equal(9, fresh.Find(null, TimeSpan.FromSeconds(15))?.Pid);
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Null(fresh.Find(null, TimeSpan.FromSeconds(15)));
    }
}
