using Aurora.Core.Processes;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Processes;

public sealed class ReaperTests : ProcessTestBase
{
    [Fact(Timeout = 30000)]
    public async Task Fifty_children_killed_at_once_all_report_their_exit()
    {
        var ct = TestContext.Current.CancellationToken;
        // Their SIGCHLDs coalesce; each notification drains waitpid until nothing is left.
        var processes = Enumerable.Range(0, 50).Select(_ => Start(TestChild.Command(null, null, "sleep", "1000"))).ToList();

        Parallel.ForEach(processes, p => p.Signal(Signals.SIGKILL));
        var statuses = await Task.WhenAll(processes.Select(p => p.Exited)).WaitAsync(ct).DefaultTimeout();

        Assert.All(statuses, s => Assert.Equal(Signals.SIGKILL, s.Signal));
        Assert.All(processes, p => AssertGone(p.Pid));
    }

    [Fact(Timeout = 30000)]
    public async Task A_child_that_exits_at_once_is_not_lost()
    {
        var ct = TestContext.Current.CancellationToken;
        var processes = Enumerable.Range(0, 50).Select(i => Start(TestChild.Command(null, null, "sh", "-c", $"exit {i}"))).ToList();

        var statuses = await Task.WhenAll(processes.Select(p => p.Exited)).WaitAsync(ct).DefaultTimeout();

        Assert.Equal(Enumerable.Range(0, 50), statuses.Select(s => s.ExitCode!.Value));
    }

    [Fact(Timeout = 30000)]
    public async Task Kill_to_exited_latency()
    {
        var ct = TestContext.Current.CancellationToken;
        var samples = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var process = Start(TestChild.Command(null, null, "sleep", "1000"));
            var start = TimeProvider.System.GetTimestamp();
            LibC.kill(process.Pid, Signals.SIGKILL);
            await process.Exited.WaitAsync(ct).DefaultTimeout();
            samples.Add(TimeProvider.System.GetElapsedTime(start).TotalMilliseconds);
        }

        samples.Sort();
        var report = $"kill(SIGKILL) -> Exited over {samples.Count} runs: median {samples[samples.Count / 2]:F2} ms, "
            + $"p90 {samples[samples.Count * 9 / 10]:F2} ms, max {samples[^1]:F2} ms";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        TestContext.Current.SendDiagnosticMessage(report);
    }
}
