using System.Text.Json;
using System.Text.RegularExpressions;
using Aurora.Contracts.V1;
using Aurora.Core.Events;

namespace Aurora.IntegrationTests.Adoption;

/// Issues 23 and 17: `aurora ask "restart yourself"` answers whole (the daemon re-executes only once its answer is
/// written), then waits for the new daemon and prints the handover time, as `aurora daemon restart` does.
public sealed partial class AskRestartYourselfTests
{
    [Fact(Timeout = 120000)]
    public async Task Restart_yourself_answers_whole_then_prints_the_handover_time()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = DetachedProject.Create("""
            services:
              api: { command: ["sleep", "1000"] }
            """);
        await project.UpAsync(ct);
        await project.WaitForEventsAsync(0, e => e.Type == EventTypes.ServiceStarted, 1, ct);
        var before = await project.StatusAsync(ct);

        var text = await project.Project.Cli(ct, "ask", "--yes", "restart yourself");
        Assert.True(text.ExitCode == 0, text.Output);
        Assert.Contains("the daemon is being replaced; services keep running", text.Output);
        Assert.Matches(Handover(), text.Output);
        Assert.Equal(before.Services.Single().Pid, (await project.StatusAsync(ct)).Services.Single().Pid);

        // Twice more with --json: the answer is whole JSON every time (it was cut off while the daemon re-executed).
        for (var i = 0; i < 2; i++)
        {
            var json = await project.Project.Cli(ct, "ask", "--yes", "--json", "restart yourself");
            Assert.True(json.ExitCode == 0, json.Output);
            var answer = JsonSerializer.Deserialize(json.Output.Split('\n')[0], AuroraJsonContext.Default.AskDto)!;
            Assert.Equal(("daemon_restart", true), (answer.Intent, answer.Result!.Ok));
            Assert.Matches(Handover(), json.Output);
        }

        var after = await project.StatusAsync(ct);
        Assert.Equal((before.Services.Single().Pid, 0), (after.Services.Single().Pid, after.Services.Single().Restarts));
    }

    [GeneratedRegex(@"aurora: daemon replaced in \d+ ms \(pid \d+\); 1 of 1 running services kept their process")]
    private static partial Regex Handover();
}
