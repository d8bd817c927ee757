using System.Text.Json;
using Aurora.Contracts.V1;
using Aurora.Core.Events;
using Aurora.Core.Processes;
using Aurora.IntegrationTests.Processes;

namespace Aurora.IntegrationTests.Adoption;

/// `aurora daemon restart`: a new daemon (the binary on disk, in the same process) takes every service over; no
/// service restarts, and a running `events -f` (a WebSocket on the control socket) resumes with no gap.
public sealed class DaemonRestartTests
{
    [Fact(Timeout = 120000)]
    public async Task Daemon_restart_keeps_every_service_and_a_follower_misses_no_event()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = DetachedProject.Create("""
            services:
              a: { command: ["sleep", "1000"] }
              b: { command: ["sh", "-c", "while true; do echo tick; sleep 0.01; done"] }
            """);
        await project.UpAsync(ct);
        await project.WaitForEventsAsync(0, e => e.Type == EventTypes.ServiceStarted, 2, ct);
        var before = await project.StatusAsync(ct);
        var daemon = project.DaemonPid;

        var sink = new LineSink();
        var follower = new PosixProcessLauncher().Start(new ProcessSpec([AuroraBinary.Path, "events", "-f", "--json"], project.Project.Dir,
            TestChild.BaseEnvironment, null, sink));
        await sink.WaitForLineAsync(l => l.Contains("\"service.started\"", StringComparison.Ordinal)).WaitAsync(ct).DefaultTimeout();

        var restart = await project.Project.Cli(ct, "daemon", "restart");
        Assert.True(restart.ExitCode == 0, restart.Output);
        Assert.Matches(@"daemon replaced in \d+ ms \(pid \d+\); 2 of 2 running services kept their process", restart.Output);
        Assert.Equal(daemon, project.DaemonPid);

        var after = await project.StatusAsync(ct);
        Assert.All(before.Services, s => Assert.Equal(s.Pid, after.Services.Single(a => a.Name == s.Name).Pid));
        Assert.All(after.Services, s => Assert.Equal(0, s.Restarts));

        // An event of the new daemon reaches the follower that was connected to the old one.
        Assert.Equal(0, (await project.Project.Cli(ct, "stop", "a")).ExitCode);
        await sink.WaitForLineAsync(l => l.Contains("\"service.stopped\"", StringComparison.Ordinal)).WaitAsync(ct).DefaultTimeout();
        await follower.StopAsync(Signals.SIGTERM, TimeSpan.FromSeconds(2), CancellationToken.None);

        var seqs = sink.Lines.Where(l => l.StartsWith('{')).Select(l => JsonSerializer.Deserialize(l, AuroraJsonContext.Default.EventDto)!)
            .Where(e => e.Seq > 0).Select(e => e.Seq).ToList();
        Assert.Equal(Enumerable.Range((int)seqs[0], seqs.Count).Select(s => (long)s), seqs);
        Assert.Contains(sink.Lines, l => l.Contains("\"service.adopted\"", StringComparison.Ordinal));
    }
}
