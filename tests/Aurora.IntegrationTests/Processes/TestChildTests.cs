using System.Net;
using Aurora.Core.Processes;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Processes;

public sealed class TestChildTests : ProcessTestBase
{
    [Fact(Timeout = 30000)]
    public async Task Crash_after_writes_to_stderr_through_the_same_sink_and_exits_with_the_code()
    {
        var ct = TestContext.Current.CancellationToken;
        var sink = new LineSink();
        var process = Start(TestChild.Spec(sink, null, "crash-after", "10", "4"));

        Assert.Equal(new ExitStatus(4, null), await process.Exited.WaitAsync(ct).DefaultTimeout());
        await sink.Completed.WaitAsync(ct).DefaultTimeout();

        Assert.Equal(["ready", "crashing with 4"], sink.Lines);
    }

    [Fact(Timeout = 30000)]
    public async Task Serve_health_answers_200()
    {
        var ct = TestContext.Current.CancellationToken;
        var sink = new LineSink();
        var process = Start(TestChild.Spec(sink, TestChild.NewTag(), "serve-health", "0"));
        var port = LastNumber(await sink.WaitForLineAsync("port ", ct).DefaultTimeout());
        await sink.WaitForLineAsync("ready", ct).DefaultTimeout();

        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"), ct).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync(ct).DefaultTimeout());
        await process.StopAsync(Signals.SIGTERM, TimeSpan.FromMilliseconds(200), ct).DefaultTimeout();
        AssertGone(process.Pid);
    }

    [Fact(Timeout = 30000)]
    public async Task Exit_returns_the_code()
    {
        var ct = TestContext.Current.CancellationToken;
        var process = Start(TestChild.Spec(null, null, "exit", "42"));

        Assert.Equal(new ExitStatus(42, null), await process.Exited.WaitAsync(ct).DefaultTimeout());
    }
}
