using System.Text.Json;
using Aurora.Contracts.V1;
using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.Ask;

/// `aurora ask` for real: without a terminal a state-changing sentence only prints its plan (exit 1); --yes acts.
public class AskCliTests
{
    [Fact(Timeout = 60000)]
    public async Task Without_a_terminal_or_yes_the_plan_is_printed_and_nothing_is_done()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(AskRouteTests.TwoServices);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "api");
        var pid = daemon.Runtime.Orchestrator.Find("api")!.Snapshot.Pid;

        var run = await project.Cli(ct, "ask", "stop the api");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("plan: stop api and keep it down until started again", run.Output);
        Assert.Contains("nothing was done", run.Output);
        Assert.Equal(pid, daemon.Runtime.Orchestrator.Find("api")!.Snapshot.Pid);
    }

    [Fact(Timeout = 60000)]
    public async Task With_yes_it_acts_and_json_gives_intent_plan_and_result()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(AskRouteTests.TwoServices);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "api");
        var mark = daemon.Runtime.Events.LastCommittedSeq;

        var run = await project.Cli(ct, "ask", "--yes", "--json", "stpo the api");

        Assert.Equal(0, run.ExitCode);
        var answer = JsonSerializer.Deserialize(run.Output, AuroraJsonContext.Default.AskDto)!;
        Assert.Equal("stop", answer.Intent);
        Assert.Equal(["api"], answer.Arguments!.Services);
        Assert.NotNull(answer.Plan);
        Assert.True(answer.Result!.Ok);
        var stopped = await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.ServiceStopped && e.Service == "api");
        Assert.Equal("ask", stopped.Data.GetProperty("source").GetString());
    }

    [Fact(Timeout = 60000)]
    public async Task A_read_only_sentence_answers_and_one_not_understood_exits_2_with_the_closest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(AskRouteTests.TwoServices);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "api");

        var status = await project.Cli(ct, "ask", "is", "the", "database", "up?");
        Assert.Equal(0, status.ExitCode);
        Assert.StartsWith("db: running", status.Output);

        var refused = await project.Cli(ct, "ask", "make me a sandwich");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("aurora: I did not understand that", refused.Output);
        Assert.Contains("closest: aurora ask", refused.Output);
    }
}
