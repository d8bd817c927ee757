using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.Healing;

/// SPEC §5/§6 on real processes: events read in causal order (incident.opened before any fix.started for it, every
/// fix.* naming its incident), `aurora heal` runs the fix path on request, and the exec-bit fix reaches a tool of the
/// project that a start script calls.
public class HealingOrderTests
{
    [Fact(Timeout = 60000)]
    public async Task A_fix_starts_after_its_incident_opened_and_every_fix_event_names_the_incident()
    {
        await using var project = TestProject.Create("""
            services:
              job:
                command: ["./run.sh"]
                restart: { backoff: { initial: 100ms } }
            """);
        var script = Path.Combine(project.Dir, "run.sh");
        File.WriteAllText(script, "#!/bin/sh\necho running\nexec sleep 1000\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await using var daemon = await project.StartDaemonAsync();

        var verified = await daemon.WaitForEvent(EventTypes.FixVerified, "job");

        var events = (await daemon.Runtime.Events.Store.ReadAfterAsync(daemon.Runtime.BootSeq, 10_000, CancellationToken.None))
            .Where(e => e.Service == "job").ToList();
        var opened = events.First(e => e.Type == EventTypes.IncidentOpened);
        var id = opened.Data.GetProperty("id").GetString();
        var fixEvents = events.Where(e => e.Type.StartsWith("fix.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fixEvents);
        Assert.All(fixEvents, e => Assert.True(e.Seq > opened.Seq, $"{e.Type} at {e.Seq} came before incident.opened at {opened.Seq}"));
        Assert.All(fixEvents, e => Assert.Equal(id, e.Data.GetProperty("incident").GetString()));
        Assert.Equal("healer", verified.Data.GetProperty("source").GetString());
    }

    [Fact(Timeout = 60000)]
    public async Task Heal_runs_the_fix_path_on_request_and_names_who_asked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            services:
              job:
                command: ["sh", "-c", "./bin/tool && exec sleep 1000"]
                restart: { policy: never }
            healing: { enabled: false }
            """);
        Directory.CreateDirectory(Path.Combine(project.Dir, "bin"));
        var tool = Path.Combine(project.Dir, "bin", "tool");
        File.WriteAllText(tool, "#!/bin/sh\necho tool ran\n");
        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceExited, "job");

        var heal = await project.Cli(ct, "heal", "job");

        Assert.True(heal.ExitCode == 0, heal.Output);
        Assert.Contains("permission_denied", heal.Output);
        Assert.Contains("verified", heal.Output);
        Assert.Contains("chmod +x bin/tool", heal.Output);
        Assert.True(File.GetUnixFileMode(tool).HasFlag(UnixFileMode.UserExecute));
        Assert.True(File.GetUnixFileMode(tool).HasFlag(UnixFileMode.GroupExecute));
        Assert.False(File.GetUnixFileMode(tool).HasFlag(UnixFileMode.OtherExecute));
        var verified = await daemon.WaitForEvent(EventTypes.FixVerified, "job");
        Assert.Equal("cli", verified.Data.GetProperty("source").GetString());
        await daemon.WaitForLogLine("job", "tool ran");
    }

    [Fact(Timeout = 60000)]
    public async Task A_request_names_who_asked_on_the_events_it_causes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("services: { api: { command: [sleep, '1000'] } }");
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "api");
        var mark = daemon.Runtime.Events.LastCommittedSeq;

        Assert.Equal(0, (await project.Cli(ct, "restart", "api")).ExitCode);

        var started = await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.ServiceStarted && e.Service == "api");
        var stopping = await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.ServiceStopping && e.Service == "api");
        Assert.Equal("cli", started.Data.GetProperty("source").GetString());
        Assert.Equal("cli", stopping.Data.GetProperty("source").GetString());
    }
}
