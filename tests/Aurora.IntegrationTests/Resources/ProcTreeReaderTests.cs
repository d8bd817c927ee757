using System.Globalization;
using System.Text;
using Aurora.Daemon.Resources;
using Aurora.IntegrationTests.Processes;

namespace Aurora.IntegrationTests.Resources;

public class ProcTreeReaderTests : ProcessTestBase
{
    // A thread (not the main one) forks the child: it is listed only in that thread's children file.
    private const string ThreadForks = """
        import subprocess, threading, time
        child = []
        t = threading.Thread(target=lambda: child.append(subprocess.Popen(["sleep", "1000"])))
        t.start(); t.join()
        worker = threading.Thread(target=time.sleep, args=(1000,), daemon=True); worker.start()
        print("child", child[0].pid, flush=True)
        time.sleep(1000)
        """;

    [Fact(Timeout = 30000)]
    public async Task Counts_a_child_that_a_thread_of_a_multi_threaded_process_forked()
    {
        var sink = new LineSink();
        var process = Start(TestChild.Command(sink, null, "python3", "-c", ThreadForks));
        var child = LastNumber(await sink.WaitForLineAsync("child ", TestContext.Current.CancellationToken).DefaultTimeout());

        using var reader = new ProcTreeReader();
        Assert.True(reader.TryRead(process.Pid, out var tree));

        Assert.Equal((Resident(process.Pid) + Resident(child)) * Environment.SystemPageSize, tree.RssBytes);
        Assert.True(tree.CpuTicks > 0, "python's start-up used no CPU?");
    }

    [Fact(Timeout = 30000)]
    public async Task Counts_grandchildren_of_a_single_threaded_shell()
    {
        var sink = new LineSink();
        var process = Start(TestChild.Command(sink, null, "sh", "-c", "sh -c 'sleep 1000 & echo grandchild $!; wait' & wait"));
        var grandchild = LastNumber(await sink.WaitForLineAsync("grandchild ", TestContext.Current.CancellationToken).DefaultTimeout());
        var middle = Parent(grandchild);
        await AsleepAsync(grandchild); // `$!` is known before the fork has exec'd: its RSS would still be sh's

        using var reader = new ProcTreeReader();

        // The kernel's RSS counters of a process settle a moment after it last ran (per-CPU deltas are folded in
        // later): the tree and the three processes read one after the other agree once they have.
        long expected = 0, actual = 0;
        var agreed = await Aurora.Core.Timing.Poll.UntilAsync(() =>
        {
            Assert.True(reader.TryRead(process.Pid, out var tree));
            actual = tree.RssBytes;
            expected = (Resident(process.Pid) + Resident(middle) + Resident(grandchild)) * Environment.SystemPageSize;
            return actual == expected;
        }, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(10), TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.True(agreed, $"the tree read {actual} bytes; its three processes have {expected}");
    }

    [Fact]
    public void A_pid_that_is_gone_reads_as_false()
    {
        using var reader = new ProcTreeReader(keep: true);
        Assert.False(reader.TryRead(int.MaxValue - 1, out _));
    }

    [Fact(Timeout = 30000)]
    public async Task The_sampler_keeps_its_files_open_between_ticks_and_lets_go_of_a_process_that_exited()
    {
        var sink = new LineSink();
        var process = Start(TestChild.Command(sink, null, "sh", "-c", "echo up; exec sleep 1000"));
        await sink.WaitForLineAsync("up", TestContext.Current.CancellationToken).DefaultTimeout();
        await AsleepAsync(process.Pid); // "up" comes before the exec: the two reads must see one program, settled
        using var reader = new ProcTreeReader(keep: true);

        Assert.True(reader.TryRead(process.Pid, out var first));
        reader.EndTick();
        Assert.Equal([$"/proc/{process.Pid}/stat", $"/proc/{process.Pid}/task/{process.Pid}/children"], OpenProcFiles(process.Pid));
        Assert.True(reader.TryRead(process.Pid, out var again));
        Assert.Equal(first.RssBytes, again.RssBytes);

        reader.EndTick();

        await process.StopAsync(Aurora.Core.Processes.Signals.SIGKILL, TimeSpan.Zero, CancellationToken.None).DefaultTimeout();
        Assert.False(reader.TryRead(process.Pid, out _)); // the kept file, not whatever has the pid now
        Assert.Equal([$"/proc/{process.Pid}/task/{process.Pid}/children"], OpenProcFiles(process.Pid)); // stat: closed at once
        reader.EndTick();

        Assert.Empty(OpenProcFiles(process.Pid));
    }

    [Fact(Timeout = 30000)]
    public async Task Files_of_a_process_not_read_in_a_tick_are_closed_at_its_end()
    {
        var sink = new LineSink();
        var process = Start(TestChild.Command(sink, null, "sh", "-c", "echo up; exec sleep 1000"));
        await sink.WaitForLineAsync("up", TestContext.Current.CancellationToken).DefaultTimeout();
        await AsleepAsync(process.Pid); // "up" comes before the exec: the two reads must see one program, settled
        using var reader = new ProcTreeReader(keep: true);
        Assert.True(reader.TryRead(process.Pid, out _));
        reader.EndTick();

        reader.EndTick(); // a tick without it: its service stopped, say

        Assert.Empty(OpenProcFiles(process.Pid));
    }

    [Theory]
    [InlineData("4242 (python3) S 1 4242 4242 0 -1 4194304 900 0 0 0 15 5 2 1 20 0 1 0 7000 20000000 7680 18446744073709551615\n", 23, 7680, 1)]
    [InlineData("77 (a) b (c)) R 1 77 77 0 -1 0 0 0 0 0 100 200 -1 3 20 0 12 0 7000 0 42 0\n", 302, 42, 12)]
    public void Parses_the_fields_after_the_last_paren(string line, long ticks, long rssPages, long threads)
    {
        Assert.True(ProcStat.TryParse(Encoding.ASCII.GetBytes(line), out var stat));
        Assert.Equal(new StatFields(ticks, rssPages, threads), stat);
    }

    [Fact]
    public void A_truncated_line_does_not_parse() =>
        Assert.False(ProcStat.TryParse("4242 (python3) S 1 4242 4242 0 -1"u8, out _));

    /// Waits until sleep has started and sleeps, with a deadline. Its comm changes early in the exec, before the
    /// kernel has mapped the program and ld.so has loaded libc: RSS still grows until it blocks in nanosleep.
    private static async Task AsleepAsync(int pid)
    {
        var done = await Aurora.Core.Timing.Poll.UntilAsync(
            () => File.ReadAllText($"/proc/{pid}/comm").Trim() == "sleep" && File.ReadAllText($"/proc/{pid}/wchan").Contains("nanosleep", StringComparison.Ordinal),
            TimeSpan.FromMilliseconds(2), TimeSpan.FromSeconds(10), TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.True(done, $"pid {pid} never slept in sleep");
    }

    // The /proc files of `pid` this test process holds open.
    private static List<string> OpenProcFiles(int pid) =>
    [
        .. Directory.GetFiles("/proc/self/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .OfType<string>()
            .Where(target => target.StartsWith($"/proc/{pid}/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];

    // Resident pages as /proc/PID/stat counts them (field 24), read the slow way. (statm and status count
    // exactly; stat reads the kernel's per-CPU counters without summing them, a few hundred KB off at most.)
    private static long Resident(int pid) => long.Parse(Field(pid, 24), CultureInfo.InvariantCulture);

    private static int Parent(int pid) => int.Parse(Field(pid, 4), CultureInfo.InvariantCulture);

    private static string Field(int pid, int field)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[field - 3];
    }
}
