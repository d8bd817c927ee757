using System.Globalization;
using System.Text.Json;
using Aurora.Contracts.V1;
using Aurora.Core.Events;

namespace Aurora.IntegrationTests.Adoption;

/// Issue 17 point 1: after a `kill -9` of the daemon, services that had no process stay as they were on the next
/// `up -d`: stopped by a person, quarantined (with its cause), a one-shot done, one in backoff (restarted when its
/// backoff is over, not before); the running one is adopted, once. (Each short-lived command sleeps 0.2 s first: a
/// process that exits within a millisecond or so of its spawn through the holder is sometimes reported with no exit
/// status at all, which on-failure reads as a failure; that race is the holder's, not this test's subject.)
public sealed class RestoreAfterCrashTests
{
    [Fact(Timeout = 180000)]
    public async Task Services_without_a_process_keep_their_state_across_a_kill_9_of_the_daemon()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = DetachedProject.Create("""
            services:
              runner: { command: ["sleep", "1000"] }
              stopped: { command: ["sleep", "1000"] }
              quarantined:
                command: ["sh", "-c", "sleep 0.2; exit 1"]
                restart: { backoff: { initial: 10ms }, limit: { count: 1, within: 1h } }
              oneshot:
                command: ["sh", "-c", "sleep 0.2; echo done"]
                restart: { policy: on-failure }
              slow:
                command: ["sh", "-c", "sleep 0.2; exit 1"]
                restart: { backoff: { initial: 30s, max: 30s, jitter: 0 }, limit: { count: 100, within: 1h } }
            """);
        await project.UpAsync(ct);
        await project.WaitForEventsAsync(0, e => e.Type == EventTypes.ServiceFailed && e.Service == "quarantined"
            || e.Type == EventTypes.ServiceExited && e.Service == "oneshot" && State(e) == "exited"
            || e.Type == EventTypes.ServiceBackoff && e.Service == "slow", 3, ct);
        Assert.Equal(0, (await project.Project.Cli(ct, "stop", "stopped")).ExitCode);
        var before = await project.StatusAsync(ct);
        Assert.Equal(("stopped", "failed", "exited", "backoff"), (Row(before, "stopped").State, Row(before, "quarantined").State,
            Row(before, "oneshot").State, Row(before, "slow").State));

        await project.KillDaemonAsync(ct);
        await project.UpAsync(ct);
        var seen = await project.WaitForEventsAsync(before.Seq, e => e.Type == EventTypes.ServiceAdopted
            || e.Data.TryGetProperty("restored", out _), 5, ct);
        var after = await project.StatusAsync(ct);

        Assert.Equal(["runner"], seen.Where(e => e.Type == EventTypes.ServiceAdopted).Select(e => e.Service));
        Assert.Equal(Row(before, "runner").Pid, Row(after, "runner").Pid);
        foreach (var name in new[] { "stopped", "quarantined", "oneshot", "slow" })
        {
            var (was, now) = (Row(before, name), Row(after, name));
            Assert.Equal((was.State, was.Restarts, was.LastCause, was.LastExit), (now.State, now.Restarts, now.LastCause, now.LastExit));
        }

        Assert.Equal("crash_loop", Row(after, "quarantined").LastCause);

        // The restored states open no incident of their own.
        Assert.DoesNotContain(await EventsAfterAsync(project, before.Seq, ct), e => e.Type == EventTypes.IncidentOpened);
        Assert.Equal(Row(before, "slow").NextRestartAt, Row(after, "slow").NextRestartAt);

        // Nothing of those four was started by the new daemon; the one in backoff restarts once its backoff is over.
        var events = await EventsAfterAsync(project, before.Seq, ct);
        Assert.DoesNotContain(events, e => e.Type == EventTypes.ServiceStarting && e.Service is "stopped" or "quarantined" or "oneshot");
        var restart = (await project.WaitForEventsAsync(before.Seq, e => e.Type == EventTypes.ServiceStarting && e.Service == "slow", 1, ct)).Single();
        Assert.True(restart.Time >= Row(before, "slow").NextRestartAt!.Value.AddMilliseconds(-50),
            $"restarted at {restart.Time:o}, its backoff ended at {Row(before, "slow").NextRestartAt:o}");
        Assert.Equal(Row(before, "slow").Restarts + 1, restart.Data.GetProperty("service").GetProperty("restarts").GetInt32());
    }

    private static string? State(EventDto e) => e.Data.GetProperty("service").GetProperty("state").GetString();

    private static ServiceDto Row(ServiceListDto list, string name) => list.Services.Single(s => s.Name == name);

    private static async Task<List<EventDto>> EventsAfterAsync(DetachedProject project, long seq, CancellationToken ct)
    {
        var result = await project.Project.Cli(ct, "events", "--json", "--after", seq.ToString(CultureInfo.InvariantCulture));
        Assert.True(result.ExitCode == 0, result.Output);
        return [.. result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{'))
            .Select(l => JsonSerializer.Deserialize(l, AuroraJsonContext.Default.EventDto)!)];
    }
}
