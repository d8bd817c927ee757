using System.Collections.Immutable;
using Aurora.Core.Processes;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Processes;

public sealed class LauncherTests : ProcessTestBase
{
    [Fact(Timeout = 30000)]
    public async Task Output_reaches_the_sink_and_the_exit_code_is_reported()
    {
        var ct = TestContext.Current.CancellationToken;
        var sink = new LineSink();
        var process = Start(TestChild.Command(sink, null, "sh", "-c", "echo hi; echo oops >&2; exit 3"));

        var status = await process.Exited.WaitAsync(ct).DefaultTimeout();
        await sink.Completed.WaitAsync(ct).DefaultTimeout();

        Assert.Equal(new ExitStatus(3, null), status);
        Assert.Equal(["hi", "oops"], sink.Lines);
        AssertGone(process.Pid);
    }

    [Fact(Timeout = 30000)]
    public async Task Many_lines_arrive_complete_and_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var sink = new LineSink();
        var process = Start(TestChild.Spec(sink, null, "print-lines", "20000"));

        Assert.Equal(0, (await process.Exited.WaitAsync(ct).DefaultTimeout()).ExitCode);
        await sink.Completed.WaitAsync(ct).DefaultTimeout();

        Assert.Equal(Enumerable.Range(1, 20000).Select(i => $"line {i}"), sink.Lines);
        Assert.False(sink.OverlappingWrites);
    }

    [Fact(Timeout = 30000)]
    public async Task Pid_and_start_ticks_identify_the_process()
    {
        var ct = TestContext.Current.CancellationToken;
        var sink = new LineSink();
        var process = Start(TestChild.Spec(sink, null, "sleep"));
        await sink.WaitForLineAsync("ready", ct).DefaultTimeout();

        var info = ProcessTable.Read(process.Pid);
        Assert.NotNull(info);
        Assert.Equal(info.StartTicks, process.StartTicks);
        Assert.True(process.StartTicks > 0);
        Assert.Equal(process.Pid, info.ProcessGroupId);
        Assert.Equal(process.Pid, info.SessionId);
        Assert.Equal(Environment.ProcessId, info.ParentPid);
    }

    [Fact(Timeout = 30000)]
    public async Task Working_directory_and_environment_are_exactly_applied()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Directory.CreateTempSubdirectory("aurora-cwd-").FullName;
        try
        {
            var env = ImmutableDictionary<string, string>.Empty.Add("FOO", "bar baz").Add("EMPTY", "");
            var sink = new LineSink();
            var process = Start(new ProcessSpec(["env"], dir, env, "tag-1", sink));
            await process.Exited.WaitAsync(ct).DefaultTimeout();
            await sink.Completed.WaitAsync(ct).DefaultTimeout();
            Assert.Equal(["AURORA_TAG=tag-1", "EMPTY=", "FOO=bar baz"], sink.Lines.Order(StringComparer.Ordinal));

            var pwd = new LineSink();
            Start(new ProcessSpec(["pwd"], dir, env, null, pwd));
            await pwd.Completed.WaitAsync(ct).DefaultTimeout();
            Assert.Equal([dir], pwd.Lines);
        }
        finally
        {
            Directory.Delete(dir);
        }
    }

    [Fact(Timeout = 30000)]
    public async Task Tag_is_exported_and_readable_from_proc()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestChild.NewTag();
        var sink = new LineSink();
        var process = Start(TestChild.Spec(sink, tag, "echo-env", "AURORA_TAG"));

        await sink.Completed.WaitAsync(ct).DefaultTimeout();

        Assert.Equal([$"AURORA_TAG={tag}"], sink.Lines);
        Assert.Equal(0, (await process.Exited.WaitAsync(ct).DefaultTimeout()).ExitCode);
    }

    [Fact(Timeout = 30000)]
    public async Task Children_start_with_default_signal_dispositions_and_an_empty_mask()
    {
        var ct = TestContext.Current.CancellationToken;
        // The .NET runtime ignores SIGPIPE; a child that inherited that would never die of a broken pipe.
        var process = Start(TestChild.Command(null, null, "sleep", "1000"));

        var status = File.ReadAllLines($"/proc/{process.Pid}/status").ToDictionary(l => l.Split(':')[0], l => l.Split(':')[1].Trim());

        Assert.Equal("0000000000000000", status["SigIgn"]);
        Assert.Equal("0000000000000000", status["SigBlk"]);
        await process.StopAsync(Signals.SIGKILL, TimeSpan.Zero, ct).DefaultTimeout();
    }

    [Fact(Timeout = 30000)]
    public async Task Without_a_sink_output_goes_to_dev_null()
    {
        var ct = TestContext.Current.CancellationToken;
        var process = Start(TestChild.Command(null, null, "sleep", "1000"));

        Assert.Equal("/dev/null", File.ResolveLinkTarget($"/proc/{process.Pid}/fd/1", false)?.FullName);
        Assert.Equal("/dev/null", File.ResolveLinkTarget($"/proc/{process.Pid}/fd/2", false)?.FullName);
        Assert.Equal("/dev/null", File.ResolveLinkTarget($"/proc/{process.Pid}/fd/0", false)?.FullName);
        await process.StopAsync(Signals.SIGKILL, TimeSpan.Zero, ct).DefaultTimeout();
    }
}
