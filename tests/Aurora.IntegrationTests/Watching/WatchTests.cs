using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.Watching;

/// `watch:` with the real daemon, real processes and real files (inotify through FileSystemWatcher).
public class WatchTests
{
    private static async Task<List<AuroraEvent>> After(RunningDaemon daemon, long seq) =>
        [.. await daemon.Runtime.Events.Store.ReadAfterAsync(seq, 100_000, CancellationToken.None)];

    private static async Task<List<AuroraEvent>> After(RunningDaemon daemon, long seq, string service, string type) =>
        [.. (await After(daemon, seq)).Where(e => e.Service == service && e.Type == type)];

    private static string[] Files(AuroraEvent changed) =>
        [.. changed.Data.GetProperty("files").EnumerateArray().Select(f => f.GetString()!)];

    private static TestProject Project(string yaml, params string[] files)
    {
        var project = TestProject.Create(yaml);
        foreach (var file in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(project.Dir, file))!);
            File.WriteAllText(Path.Combine(project.Dir, file), "0");
        }

        return project;
    }

    private static void Touch(TestProject project, string file, string text = "changed")
    {
        var path = Path.Combine(project.Dir, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact(Timeout = 90000)]
    public async Task A_change_restarts_the_service_once_after_watch_changed_and_ignored_files_do_not()
    {
        await using var project = Project("""
            services:
              app:
                command: ["sleep", "1000"]
                watch: { paths: ["src/**/*.py"], ignore: ["**/__pycache__/**"], debounce: 200ms }
            """, "src/app.py", "src/pkg/util.py");
        await using var daemon = await project.StartDaemonAsync();
        var first = await daemon.WaitForEvent(EventTypes.ServiceStarted, "app");
        var mark = daemon.Runtime.Events.LastCommittedSeq;

        // Ignored, or not matched by any path: these alone restart nothing, and are not in the change below.
        Touch(project, "src/__pycache__/app.cpython-311.pyc");
        Touch(project, "src/pkg/__pycache__/util.cpython-311.py");
        Touch(project, "src/notes.txt");
        Touch(project, "README.py");
        Touch(project, "src/pkg/util.py");

        var changed = await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.WatchChanged && e.Service == "app");
        Assert.Equal(["src/pkg/util.py"], Files(changed));
        var restarted = await daemon.WaitForEventAfter(changed.Seq, e => e.Type == EventTypes.ServiceStarted && e.Service == "app");
        Assert.NotEqual(first.Data.GetProperty("pid").GetInt32(), restarted.Data.GetProperty("pid").GetInt32());
        Assert.Equal("watch", restarted.Data.GetProperty("source").GetString());
        Assert.Single(await After(daemon, mark, "app", EventTypes.ServiceStarting));
        Assert.Single(await After(daemon, mark, "app", EventTypes.WatchChanged));
    }

    [Fact(Timeout = 90000)]
    public async Task A_burst_of_a_thousand_writes_is_one_restart()
    {
        await using var project = Project("""
            services:
              app:
                command: ["sleep", "1000"]
                watch: { paths: ["src/**"] }
            """, "src/app.py", "src/sentinel.py");
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "app");
        var mark = daemon.Runtime.Events.LastCommittedSeq;

        for (var i = 0; i < 1000; i++)
        {
            File.WriteAllText(Path.Combine(project.Dir, "src", $"gen{i % 10}.py"), i.ToString());
        }

        var burst = await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.WatchChanged && e.Service == "app");
        Assert.Equal(10, burst.Data.GetProperty("count").GetInt32());
        var restarted = await daemon.WaitForEventAfter(burst.Seq, e => e.Type == EventTypes.ServiceStarted && e.Service == "app");

        // A later change is a change of its own: had the burst been split, its second part would come before this one.
        Touch(project, "src/sentinel.py");
        var sentinel = await daemon.WaitForEventAfter(restarted.Seq, e => e.Type == EventTypes.WatchChanged && e.Service == "app");
        Assert.Equal(["src/sentinel.py"], Files(sentinel));
        await daemon.WaitForEventAfter(sentinel.Seq, e => e.Type == EventTypes.ServiceStarted && e.Service == "app");
        Assert.Equal(2, (await After(daemon, mark, "app", EventTypes.WatchChanged)).Count);
        Assert.Equal(2, (await After(daemon, mark, "app", EventTypes.ServiceStarting)).Count);
    }

    [Fact(Timeout = 90000)]
    public async Task Cascade_restarts_the_dependents_in_dependency_order_and_leaves_the_rest()
    {
        await using var project = Project("""
            services:
              web:
                command: ["sleep", "1003"]
                depends_on: [api]
              api:
                command: ["sleep", "1002"]
                depends_on: [db]
              db:
                command: ["sleep", "1001"]
                watch: { paths: ["db/schema.sql"], debounce: 100ms, cascade: true }
              other:
                command: ["sleep", "1004"]
            """, "db/schema.sql");
        await using var daemon = await project.StartDaemonAsync();
        var pids = new Dictionary<string, int>();
        foreach (var name in new[] { "db", "api", "web", "other" })
        {
            pids[name] = (await daemon.WaitForEvent(EventTypes.ServiceStarted, name)).Data.GetProperty("pid").GetInt32();
        }

        var mark = daemon.Runtime.Events.LastCommittedSeq;
        Touch(project, "db/schema.sql");
        var changed = await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.WatchChanged && e.Service == "db");
        Assert.True(changed.Data.GetProperty("cascade").GetBoolean());
        var started = new Dictionary<string, AuroraEvent>();
        foreach (var name in new[] { "db", "api", "web" })
        {
            started[name] = await daemon.WaitForEventAfter(changed.Seq, e => e.Type == EventTypes.ServiceStarted && e.Service == name
                && e.Data.GetProperty("pid").GetInt32() != pids[name]);
        }

        Assert.True(started["db"].Seq < started["api"].Seq && started["api"].Seq < started["web"].Seq,
            $"started in order db {started["db"].Seq}, api {started["api"].Seq}, web {started["web"].Seq}");
        foreach (var name in new[] { "db", "api", "web" })
        {
            Assert.Single(await After(daemon, mark, name, EventTypes.ServiceStarting));
        }

        Assert.Equal(pids["other"], daemon.Runtime.Orchestrator.Find("other")!.Snapshot.Pid);
        Assert.Empty(await After(daemon, mark, "other", EventTypes.ServiceStarting));
    }

    [Fact(Timeout = 90000)]
    public async Task Watch_restarts_skip_backoff_and_do_not_count_toward_the_restart_limit()
    {
        await using var project = Project("""
            services:
              app:
                command: ["sleep", "1000"]
                watch: { paths: ["src/*.py"], debounce: 100ms }
                restart: { backoff: { initial: 1m }, limit: { count: 1, within: 1h } }
            """, "src/app.py");
        await using var daemon = await project.StartDaemonAsync();
        var started = await daemon.WaitForEvent(EventTypes.ServiceStarted, "app");
        var mark = daemon.Runtime.Events.LastCommittedSeq;

        for (var i = 0; i < 3; i++)
        {
            Touch(project, "src/app.py", $"v{i}");
            var changed = await daemon.WaitForEventAfter(started.Seq, e => e.Type == EventTypes.WatchChanged && e.Service == "app");
            started = await daemon.WaitForEventAfter(changed.Seq, e => e.Type == EventTypes.ServiceStarted && e.Service == "app");
        }

        var events = await After(daemon, mark);
        Assert.DoesNotContain(events, e => e.Service == "app" && e.Type is EventTypes.ServiceFailed or EventTypes.ServiceBackoff);
        Assert.Equal(3, events.Count(e => e.Service == "app" && e.Type == EventTypes.ServiceStarting));
        var app = daemon.Runtime.Orchestrator.Find("app")!.Snapshot;
        Assert.Equal("running", app.State.ToString().ToLowerInvariant());
        Assert.Null(app.NextRestartAt);
    }

    [Fact(Timeout = 90000)]
    public async Task Reload_adds_and_removes_a_watch()
    {
        const string Unwatched = """
            services:
              app:
                command: ["sleep", "1000"]
              probe:
                command: ["sleep", "1001"]
                watch: { paths: ["probe/**"], debounce: 100ms }
            """;
        var watched = Unwatched.Replace("[\"sleep\", \"1000\"]", "[\"sleep\", \"1000\"]\n    watch: { paths: [\"src/**\"], debounce: 100ms }");
        await using var project = Project(Unwatched, "src/app.py", "probe/x");
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "app");
        var ct = TestContext.Current.CancellationToken;

        project.Write(watched);
        var added = await project.Cli(ct, "reload");
        Assert.True(added.ExitCode == 0, added.Output);
        Assert.Contains("watch", added.Output);
        var mark = daemon.Runtime.Events.LastCommittedSeq;
        Touch(project, "src/app.py");
        var changed = await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.WatchChanged && e.Service == "app");
        Assert.Equal(["src/app.py"], Files(changed));
        await daemon.WaitForEventAfter(changed.Seq, e => e.Type == EventTypes.ServiceStarted && e.Service == "app");

        project.Write(Unwatched);
        var removed = await project.Cli(ct, "reload");
        Assert.True(removed.ExitCode == 0, removed.Output);
        mark = daemon.Runtime.Events.LastCommittedSeq;
        Touch(project, "src/app.py", "again");
        Touch(project, "probe/x");
        await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.WatchChanged && e.Service == "probe");
        Assert.Empty(await After(daemon, mark, "app", EventTypes.WatchChanged));
        Assert.Empty(await After(daemon, mark, "app", EventTypes.ServiceStarting));
    }
}
