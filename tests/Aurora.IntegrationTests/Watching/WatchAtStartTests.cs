using System.Text.Json;
using Aurora.Core.Events;
using Aurora.IntegrationTests.Adoption;

namespace Aurora.IntegrationTests.Watching;

/// `aurora up -d` returns once the daemon answers, before its services have started: a change made right after it
/// is heard, and restarts only what runs.
public class WatchAtStartTests
{
    [Fact(Timeout = 120000)]
    public async Task A_change_right_after_up_is_heard_and_a_service_not_started_yet_starts_once_with_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = DetachedProject.Create("""
            services:
              db:
                command: ["sleep", "1000"]
                health: { exec: ["test", "-e", "db-ready"], interval: 100ms }
              app:
                command: ["sleep", "1001"]
                depends_on: { db: healthy }
                watch: { paths: ["src/**"], debounce: 100ms }
            """);
        Directory.CreateDirectory(Path.Combine(project.Project.Dir, "src"));
        await project.UpAsync(ct);
        await File.WriteAllTextAsync(Path.Combine(project.Project.Dir, "src", "app.py"), "print(1)", ct);

        var changed = (await project.WaitForEventsAsync(0, e => e.Type == EventTypes.WatchChanged && e.Service == "app", 1, ct)).Single();
        await File.WriteAllTextAsync(Path.Combine(project.Project.Dir, "db-ready"), "", ct);
        await project.WaitForEventsAsync(changed.Seq, e => e.Type == EventTypes.ServiceStarted && e.Service == "app", 1, ct);

        // The stop a person asked for holds: a change restarts nothing.
        Assert.Equal(0, (await project.Project.Cli(ct, "stop", "app")).ExitCode);
        var stopped = await project.LastSeqAsync(ct);
        await File.WriteAllTextAsync(Path.Combine(project.Project.Dir, "src", "app.py"), "print(2)", ct);
        var second = (await project.WaitForEventsAsync(stopped, e => e.Type == EventTypes.WatchChanged && e.Service == "app", 1, ct)).Single();
        await File.WriteAllTextAsync(Path.Combine(project.Project.Dir, "src", "marker.py"), "", ct);
        await project.WaitForEventsAsync(second.Seq, e => e.Type == EventTypes.WatchChanged && e.Service == "app", 1, ct);

        var status = await project.StatusAsync(ct);
        Assert.Equal("stopped", status.Services.Single(s => s.Name == "app").State);
        var events = await project.Project.Cli(ct, "events", "--json", "--after", "0");
        var starts = events.Output.Split('\n').Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Count(e => e.GetProperty("type").GetString() == EventTypes.ServiceStarting && e.GetProperty("service").GetString() == "app");
        Assert.Equal(1, starts);
    }
}
