using System.Text.Json;
using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Insights;

/// Issue 25: a real service that needs ~1.5 s before its port answers, with `start_period: 500ms`, builds a
/// history of late healthy starts; `aurora insights` proposes a longer start_period and `aurora insights apply`
/// edits aurora.yaml (comments kept), reloads and verifies — or, when the service cannot be verified, restores
/// the file byte for byte and reloads.
public class InsightsApplyTests
{
    private const string Id = "start-period:api";

    private static TestProject Project(int port)
    {
        var project = TestProject.Create($$"""
            # the shop's services
            services:
              api:
                command: ["python3", "app.py"]   # opens its port after 1.5 s
                env: { PORT: "{{port}}" }
                health:
                  tcp: "127.0.0.1:{{port}}"
                  interval: 200ms
                  retries: 30
                  start_period: 500ms        # too short, as it turns out
                restart: { backoff: { initial: 100ms, max: 200ms } }
            healing: { verify_timeout: 3s }
            """);
        project.WriteFile("app.py", """
            import os, socket, sys, time
            if os.path.exists("broken"):
                print("broken: exiting", flush=True)
                sys.exit(3)
            time.sleep(1.5)
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", int(os.environ["PORT"])))
            s.listen()
            print("listening", flush=True)
            time.sleep(1000)
            """);
        return project;
    }

    /// Three starts that each become healthy only after about 1.5 s.
    private static async Task LateStartsAsync(RunningDaemon daemon)
    {
        await daemon.WaitForEvent(EventTypes.ServiceHealthy, "api");
        for (var i = 0; i < 2; i++)
        {
            var seq = daemon.Runtime.Events.LastCommittedSeq;
            await daemon.Runtime.Orchestrator.Find("api")!.RestartAsync();
            await daemon.WaitForEventAfter(seq, e => e.Type == EventTypes.ServiceHealthy && e.Service == "api");
        }
    }

    [Fact(Timeout = 90000)]
    public async Task Insights_propose_a_longer_start_period_and_apply_commits_it_with_comments_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = Project(FreePort.Next());
        await using var daemon = await project.StartDaemonAsync();
        await LateStartsAsync(daemon);
        var before = File.ReadAllText(project.ConfigPath);

        var listed = await project.Cli(ct, "insights", "--json");
        Assert.True(listed.ExitCode == 0, listed.Output);
        var insight = JsonDocument.Parse(listed.Output).RootElement.GetProperty("insights").EnumerateArray().Single(i => i.GetProperty("id").GetString() == Id);
        var proposal = insight.GetProperty("proposal");
        Assert.Equal("services.api.health.start_period", proposal.GetProperty("path").GetString());
        Assert.Equal(project.ConfigPath, proposal.GetProperty("file").GetString());
        Assert.Equal("500ms", proposal.GetProperty("current").GetString());
        var proposed = proposal.GetProperty("proposed").GetString()!;
        Assert.Contains("3 of its last 3 starts became healthy after", insight.GetProperty("summary").GetString());
        var human = await project.Cli(ct, "insights");
        Assert.Contains($"aurora insights apply {Id}", human.Output);

        var applied = await project.Cli(ct, "insights", "apply", Id);
        Assert.True(applied.ExitCode == 0, applied.Output);
        Assert.Contains("-      start_period: 500ms        # too short, as it turns out", applied.Output);
        Assert.Contains($"+      start_period: {proposed}        # too short, as it turns out", applied.Output);
        Assert.Equal(before.Replace("start_period: 500ms", $"start_period: {proposed}", StringComparison.Ordinal), File.ReadAllText(project.ConfigPath));

        var e = await daemon.WaitForEvent(EventTypes.InsightApplied, "api");
        Assert.Equal("insights", e.Data.GetProperty("source").GetString());
        Assert.Equal("cli", e.Data.GetProperty("requested_by").GetString());
        Assert.Equal(Id, e.Data.GetProperty("id").GetString());
        Assert.Equal(TimeSpan.Parse("00:00:0" + proposed.TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture),
            daemon.Runtime.Config.Find("api")!.Health!.StartPeriod);
        Assert.Equal("Healthy", daemon.Runtime.Orchestrator.Find("api")!.Snapshot.State.ToString());
        await daemon.WaitForEvent(EventTypes.ConfigReloaded, null!);

        var history = await project.Cli(ct, "history", "insight", "--json");
        Assert.Contains(EventTypes.InsightApplied, history.Output);
    }

    [Fact(Timeout = 90000)]
    public async Task A_change_that_cannot_be_verified_is_rolled_back_byte_for_byte_and_reloaded()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = Project(FreePort.Next());
        await using var daemon = await project.StartDaemonAsync();
        await LateStartsAsync(daemon);
        var before = File.ReadAllBytes(project.ConfigPath);

        // The service breaks before the change is applied: whatever the change, it cannot come up healthy.
        File.WriteAllText(Path.Combine(project.Dir, "broken"), "");
        var seq = daemon.Runtime.Events.LastCommittedSeq;
        await daemon.Runtime.Orchestrator.Find("api")!.RestartAsync();
        await daemon.WaitForEventAfter(seq, e => e.Type == EventTypes.ServiceExited && e.Service == "api" && e.Data.GetProperty("exit_code").ValueKind == JsonValueKind.Number);

        var result = await project.Cli(ct, "insights", "apply", Id);
        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("rolled back", result.Output);
        Assert.Contains("restored and reloaded", result.Output);
        Assert.Equal(before, File.ReadAllBytes(project.ConfigPath));

        var rolled = await daemon.WaitForEvent(EventTypes.InsightRolledBack, "api");
        Assert.Equal("insights", rolled.Data.GetProperty("source").GetString());
        Assert.Contains("was not healthy within 3s", rolled.Data.GetProperty("reason").GetString());
        Assert.Equal(TimeSpan.FromMilliseconds(500), daemon.Runtime.Config.Find("api")!.Health!.StartPeriod);
        var backup = Path.Combine(project.Dir, ".aurora", "backups", rolled.Data.GetProperty("backup").GetString()!);
        Assert.Contains("\"state\": \"rolled_back\"", File.ReadAllText(Path.Combine(backup, "manifest.json")));
    }
}
