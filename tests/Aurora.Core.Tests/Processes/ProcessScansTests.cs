using Aurora.Core.Processes;

namespace Aurora.Core.Tests.Processes;

/// `aurora down` at 1,000 services read /proc about 4,000 times (each stop scanned every process's stat and
/// environment several times): over 200 s under load. Concurrent stops now share a scan begun after they asked.
public class ProcessScansTests
{
    /// A read of /proc the test holds open until it says, counting the reads.
    private sealed class HeldReads
    {
        private readonly Lock _gate = new();
        private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource FirstStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count { get; private set; }

        public IReadOnlyList<ScannedProcess> Table { get; set; } = [];

        public ProcessScan Read()
        {
            Task release;
            lock (_gate)
            {
                Count++;
                release = _release.Task;
            }

            FirstStarted.TrySetResult();
            release.Wait(TestContext.Current.CancellationToken);
            return new ProcessScan(Table);
        }

        public void Release() => _release.TrySetResult();
    }

    [Fact]
    public async Task Callers_asking_while_a_scan_runs_share_the_next_scan_not_the_running_one()
    {
        var reads = new HeldReads();
        var scans = new ProcessScans(reads.Read);
        var first = scans.FreshAsync();
        await reads.FirstStarted.Task.DefaultTimeout();

        var later = Enumerable.Range(0, 1000).Select(_ => scans.FreshAsync()).ToList();
        Assert.All(later, t => Assert.False(t.IsCompleted));
        Assert.All(later, t => Assert.Same(later[0], t));
        Assert.NotSame(first, later[0]);

        reads.Release();
        var one = await first.DefaultTimeout();
        var two = await later[0].DefaultTimeout();
        Assert.NotSame(one, two);
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public async Task A_thousand_families_stopping_together_read_proc_twice_and_each_finds_only_its_own()
    {
        var reads = new HeldReads();
        var scans = new ProcessScans(reads.Read);
        const int parent = 42;
        reads.Table = [.. Enumerable.Range(0, 1000).SelectMany(i => new[]
        {
            new ScannedProcess(new ProcessInfo(10_000 + i, 'S', parent, 10_000 + i, 10_000 + i, 1), $"p/svc-{i}"),
            new ScannedProcess(new ProcessInfo(20_000 + i, 'S', 1, 20_000 + i, 20_000 + i, 1), $"p/svc-{i}"), // escaped, setsid
        }), new ScannedProcess(new ProcessInfo(5, 'S', 1, 5, 5, 1), null)];
        var warmUp = scans.FreshAsync();
        await reads.FirstStarted.Task.DefaultTimeout();

        var families = Enumerable.Range(0, 1000).Select(i => new ProcessFamily(10_000 + i, $"p/svc-{i}", parent, scans)).ToList();
        var remaining = families.Select(f => f.RemainingAsync(leaderReaped: false)).ToList();
        reads.Release();
        await warmUp.DefaultTimeout();
        var left = await Task.WhenAll(remaining).DefaultTimeout();

        Assert.Equal(2, reads.Count);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal([10_000 + i, 20_000 + i], left[i].Select(p => p.Pid).Order());
        }

        Assert.Equal([10_007, 20_007], (await families[7].TaggedAsync().DefaultTimeout()).Order());
        Assert.Equal(3, reads.Count);
    }

    [Fact]
    public async Task A_failed_read_fails_its_round_and_the_next_caller_gets_a_new_one()
    {
        var attempts = 0;
        var scans = new ProcessScans(() => ++attempts == 1 ? throw new IOException("no /proc") : new ProcessScan([]));

        await Assert.ThrowsAsync<IOException>(() => scans.FreshAsync().DefaultTimeout());
        Assert.Empty((await scans.FreshAsync().DefaultTimeout()).Processes);
        Assert.Equal(2, attempts);
    }
}
