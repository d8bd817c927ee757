using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Contracts.V1;
using Aurora.Core.Events;
using Aurora.Core.Processes;
using Aurora.Daemon.Hosting;
using Aurora.IntegrationTests.Daemon;
using Aurora.IntegrationTests.TestSupport;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Store;

/// A real detached daemon, killed with SIGKILL while events flow.
public class DurabilityTests
{
    [Fact(Timeout = 120000)]
    public async Task Kill_9_of_the_daemon_loses_no_event_a_client_saw_and_never_reuses_a_seq()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            services:
              crasher:
                command: ["sh", "-c", "echo crashing; exit 1"]
                restart: { policy: always, backoff: { initial: 10ms, max: 10ms }, limit: { count: 1000000, within: 1s } }
            """);
        var tag = $"{new DaemonPaths(project.Dir).ProjectId}/crasher";
        try
        {
            var up = await project.Cli(ct, "up", "-d");
            Assert.True(up.ExitCode == 0, up.Output);
            var daemonPid = DaemonLock.RunningPid(project.Paths)!.Value;

            // What clients were told: the live stream, then a GET of the stored events, right before the kill.
            List<EventDto> told;
            using (var client = new ControlClient(project.Paths))
            {
                var streamed = await EventFeed.ReadUntilAsync(client, 0, s => s.Count >= 60, ct).DefaultTimeout();
                var page = await client.GetAsync("/api/v1/events?after=0&limit=10000", AuroraJsonContext.Default.EventListDto, ct);
                Assert.Equal(0, Kill(daemonPid, Signals.SIGKILL));
                told = [.. page.Events];
                Assert.All(streamed, e => Assert.Equal(Json(e), Json(told.Single(t => t.Seq == e.Seq))));
            }

            Assert.True(await ProcessExit.WaitAsync(daemonPid, TimeSpan.FromSeconds(10)), "the daemon did not die");
            var maxSeen = told.Max(e => e.Seq);
            Assert.True(told.Count(e => e.Type == EventTypes.ServiceExited) > 10, "events were not flowing");

            var again = await project.Cli(ct, "up", "-d");
            Assert.True(again.ExitCode == 0, again.Output);
            using var after = new ControlClient(project.Paths);
            var restarted = await EventFeed.ReadUntilAsync(after, maxSeen,
                s => s.Any(e => e.Type == EventTypes.DaemonStarted), ct).DefaultTimeout();
            var stored = await after.GetAsync("/api/v1/events?after=0&limit=10000", AuroraJsonContext.Default.EventListDto, ct);

            // Every event seen before the kill is still there, unchanged.
            var byId = stored.Events.ToDictionary(e => e.Seq);
            Assert.All(told, e => Assert.Equal(Json(e), Json(byId[e.Seq])));

            // The new daemon continues strictly above everything seen, and seqs are unique and increasing.
            var newStart = restarted.First(e => e.Type == EventTypes.DaemonStarted);
            Assert.True(newStart.Seq > maxSeen, $"daemon.started got seq {newStart.Seq}, at or below {maxSeen}");
            Assert.NotEqual(daemonPid, DaemonLock.RunningPid(project.Paths));
            var seqs = stored.Events.Select(e => e.Seq).ToList();
            Assert.Equal(seqs.Order(), seqs);
            Assert.Equal(seqs.Count, seqs.Distinct().Count());
        }
        finally
        {
            await project.Cli(CancellationToken.None, "down");
            foreach (var pid in ProcessTable.TaggedPids(tag))
            {
                Kill(pid, Signals.SIGKILL);
            }
        }
    }

    private static string Json(EventDto e) => JsonSerializer.Serialize(e, AuroraJsonContext.Default.EventDto);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
