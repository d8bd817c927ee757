using Aurora.Core.Processes;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Processes;

public sealed class StopTests : ProcessTestBase
{
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(200);

    [Fact(Timeout = 30000)]
    public async Task Kill_9_is_reported_as_SIGKILL_and_leaves_no_zombie()
    {
        var ct = TestContext.Current.CancellationToken;
        var sink = new LineSink();
        var process = Start(TestChild.Spec(sink, null, "sleep"));
        await sink.WaitForLineAsync("ready", ct).DefaultTimeout();

        Assert.Equal(0, LibC.kill(process.Pid, Signals.SIGKILL));
        var status = await process.Exited.WaitAsync(ct).DefaultTimeout();

        Assert.Equal(new ExitStatus(null, Signals.SIGKILL), status);
        AssertGone(process.Pid);
        await sink.Completed.WaitAsync(ct).DefaultTimeout();
    }

    [Fact(Timeout = 30000)]
    public async Task Stop_takes_down_the_group_and_a_child_that_ignores_SIGTERM()
    {
        var ct = TestContext.Current.CancellationToken;
        var treeOut = new LineSink();
        var tree = Start(TestChild.Spec(treeOut, TestChild.NewTag(), "spawn-grandchild"));
        var stubbornOut = new LineSink();
        var stubborn = Start(TestChild.Spec(stubbornOut, TestChild.NewTag(), "ignore-sigterm"));
        var grandchild = LastNumber(await treeOut.WaitForLineAsync("grandchild ", ct).DefaultTimeout());
        await treeOut.WaitForLineAsync("ready", ct).DefaultTimeout();
        await stubbornOut.WaitForLineAsync("ready", ct).DefaultTimeout();
        Assert.Equal(tree.Pid, ProcessTable.Read(grandchild)?.ProcessGroupId);

        var started = TimeProvider.System.GetTimestamp();
        var statuses = await Task.WhenAll(
            tree.StopAsync(Signals.SIGTERM, Grace, ct),
            stubborn.StopAsync(Signals.SIGTERM, Grace, ct)).DefaultTimeout();
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        Assert.True(elapsed >= Grace && elapsed < Grace + TimeSpan.FromSeconds(1), $"stop took {elapsed}");
        Assert.Equal(Signals.SIGKILL, statuses[1].Signal);
        Assert.Contains("got SIGTERM, ignoring it", stubbornOut.Lines);
        AssertGone(tree.Pid);
        AssertGone(grandchild);
        AssertGone(stubborn.Pid);
        await treeOut.Completed.WaitAsync(ct).DefaultTimeout();
        await stubbornOut.Completed.WaitAsync(ct).DefaultTimeout();
    }

    [Fact(Timeout = 30000)]
    public async Task Stop_kills_a_double_forked_escapee_and_reaps_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var sink = new LineSink();
        var process = Start(TestChild.Spec(sink, TestChild.NewTag(), "double-fork"));
        var escapee = LastNumber(await sink.WaitForLineAsync("escaped ", ct).DefaultTimeout());
        await sink.WaitForLineAsync("ready", ct).DefaultTimeout();
        var info = ProcessTable.Read(escapee);
        Assert.NotNull(info);
        Assert.NotEqual(process.Pid, info.SessionId);
        Assert.Equal(Environment.ProcessId, info.ParentPid);

        await process.StopAsync(Signals.SIGTERM, Grace, ct).DefaultTimeout();

        AssertGone(process.Pid);
        AssertGone(escapee);
    }

    [Fact(Timeout = 30000)]
    public async Task Stop_never_touches_a_process_with_another_tag()
    {
        var ct = TestContext.Current.CancellationToken;
        var bystanderOut = new LineSink();
        var bystander = Start(TestChild.Spec(bystanderOut, TestChild.NewTag(), "double-fork"));
        var bystanderEscapee = LastNumber(await bystanderOut.WaitForLineAsync("escaped ", ct).DefaultTimeout());
        var untagged = Start(TestChild.Command(null, null, "sleep", "1000"));
        var targetOut = new LineSink();
        var target = Start(TestChild.Spec(targetOut, TestChild.NewTag(), "double-fork"));
        var targetEscapee = LastNumber(await targetOut.WaitForLineAsync("escaped ", ct).DefaultTimeout());

        await target.StopAsync(Signals.SIGTERM, Grace, ct).DefaultTimeout();

        AssertGone(targetEscapee);
        Assert.False(bystander.Exited.IsCompleted);
        Assert.False(untagged.Exited.IsCompleted);
        Assert.True(ProcessTable.Exists(bystanderEscapee));

        await bystander.StopAsync(Signals.SIGTERM, Grace, ct).DefaultTimeout();
        AssertGone(bystanderEscapee);
    }

    [Fact(Timeout = 30000)]
    public async Task A_stopped_child_that_ignores_SIGTERM_is_killed_after_grace()
    {
        var ct = TestContext.Current.CancellationToken;
        var sink = new LineSink();
        var process = Start(TestChild.Spec(sink, TestChild.NewTag(), "ignore-sigterm"));
        await sink.WaitForLineAsync("ready", ct).DefaultTimeout();
        await SigstopAsync(process.Pid, ct);

        var status = await process.StopAsync(Signals.SIGTERM, Grace, ct).DefaultTimeout();

        Assert.Equal(Signals.SIGKILL, status.Signal);
        AssertGone(process.Pid);
    }

    [Fact(Timeout = 30000)]
    public async Task A_stopped_child_is_continued_so_it_can_act_on_SIGTERM()
    {
        var ct = TestContext.Current.CancellationToken;
        var process = Start(TestChild.Command(null, TestChild.NewTag(), "sleep", "1000"));
        await SigstopAsync(process.Pid, ct);

        var status = await process.StopAsync(Signals.SIGTERM, TimeSpan.FromSeconds(10), ct).DefaultTimeout();

        Assert.Equal(Signals.SIGTERM, status.Signal);
        AssertGone(process.Pid);
    }

    [Fact(Timeout = 30000)]
    public async Task Stop_after_exit_returns_the_exit_status()
    {
        var ct = TestContext.Current.CancellationToken;
        var process = Start(TestChild.Command(null, TestChild.NewTag(), "sh", "-c", "exit 7"));
        await process.Exited.WaitAsync(ct).DefaultTimeout();

        var status = await process.StopAsync(Signals.SIGTERM, Grace, ct).DefaultTimeout();

        Assert.Equal(new ExitStatus(7, null), status);
    }

    [Fact(Timeout = 30000)]
    public async Task Cancelling_the_stop_still_kills()
    {
        var ct = TestContext.Current.CancellationToken;
        var sink = new LineSink();
        var process = Start(TestChild.Spec(sink, TestChild.NewTag(), "ignore-sigterm"));
        await sink.WaitForLineAsync("ready", ct).DefaultTimeout();
        using var forced = new CancellationTokenSource();

        var stopping = process.StopAsync(Signals.SIGTERM, TimeSpan.FromMinutes(5), forced.Token);
        await sink.WaitForLineAsync("got SIGTERM", ct).DefaultTimeout();
        await forced.CancelAsync();

        Assert.Equal(Signals.SIGKILL, (await process.Exited.WaitAsync(ct).DefaultTimeout()).Signal);

        // After the kill, the wait for the tree to vanish honours the token: either outcome is fine.
        var outcome = await Record.ExceptionAsync(() => stopping.WaitAsync(ct));
        Assert.True(outcome is null or OperationCanceledException, $"unexpected {outcome}");
        AssertGone(process.Pid);
    }

    [Fact(Timeout = 30000)]
    public async Task Signal_reaches_the_group_and_escaped_tagged_descendants()
    {
        var ct = TestContext.Current.CancellationToken;
        var sink = new LineSink();
        var process = Start(TestChild.Spec(sink, TestChild.NewTag(), "double-fork"));
        var escapee = LastNumber(await sink.WaitForLineAsync("escaped ", ct).DefaultTimeout());
        await sink.WaitForLineAsync("ready", ct).DefaultTimeout();

        var reaped = ChildReaper.Instance.NextReap;
        process.Signal(Signals.SIGTERM);

        await process.Exited.WaitAsync(ct).DefaultTimeout();

        // The escapee is our child (we are its subreaper): wait for the reaper to collect it.
        while (ProcessTable.Exists(escapee))
        {
            await reaped.WaitAsync(ct).DefaultTimeout();
            reaped = ChildReaper.Instance.NextReap;
        }
    }

    // SIGSTOP takes effect asynchronously; the kernel tells the parent with a SIGCHLD, so wait on those.
    private static async Task SigstopAsync(int pid, CancellationToken ct)
    {
        var notified = ChildReaper.Instance.NextSigchld;
        Assert.Equal(0, LibC.kill(pid, Signals.SIGSTOP));
        while (ProcessTable.Read(pid)?.State != 'T')
        {
            await notified.WaitAsync(ct).DefaultTimeout();
            notified = ChildReaper.Instance.NextSigchld;
        }
    }
}
