using Aurora.Cli.Client;
using Aurora.Contracts.V1;
using Aurora.Core.Events;
using Aurora.Core.Processes;
using Aurora.Daemon.Hosting;
using Aurora.IntegrationTests.TestSupport;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Daemon;

public class ReloadTests
{
    private const string Base = """
        services:
          db:
            command: ["sleep", "1001"]
          api:
            command: ["sleep", "1002"]
            depends_on: [db]
          worker:
            command: ["sleep", "1003"]
            restart: { policy: on-failure }
        """;

    [Theory(Timeout = 60000)]
    [InlineData("syntax", "services:\n  db:\n    command: [\"sleep\", \"1001\"\n", "aurora.yaml:4:1: ")]
    [InlineData("unknown key", "services:\n  db:\n    command: [\"sleep\", \"1001\"]\n    comand: x\n", "aurora.yaml:4:5: services.db.comand: unknown key")]
    [InlineData("cycle", "services:\n  db:\n    command: [\"sleep\", \"1001\"]\n    depends_on: [api]\n  api:\n    command: [\"sleep\", \"1002\"]\n    depends_on: [db]\n", "dependency cycle: ")]
    public async Task Rejected_reload_exits_2_with_positioned_errors_and_changes_no_pid(string kind, string broken, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(Base);
        await using var daemon = await project.StartDaemonAsync();
        var before = await RunningPids(project, daemon, ct);

        project.Write(broken);
        var result = await project.Cli(ct, "reload");
        Assert.True(result.ExitCode == 2, $"{kind}: exit {result.ExitCode}: {result.Output}");
        Assert.Contains(expected, result.Output);
        Assert.Contains("nothing was changed", result.Output);
        Assert.Equal(before, await Pids(project, ct));
        Assert.Equal(3, daemon.Runtime.Config.Services.Length);
        await daemon.WaitForEvent(EventTypes.ConfigRejected, null!);
    }

    [Theory(Timeout = 60000)]
    [InlineData("60,000 nested [", "aurora.yaml:10:67: nesting is deeper than 64 levels")]
    [InlineData("60,000 nested {", "aurora.yaml:10:67: nesting is deeper than 64 levels")]
    [InlineData("2 MiB", "aurora.yaml:1:1: the file is 2145183 bytes; a config may be at most 1048576")]
    public async Task A_hostile_config_is_rejected_by_a_running_daemon_which_keeps_its_services(string kind, string expected)
    {
        // Issue 19, finding 4: 60,000 nested brackets overflowed the daemon's stack on reload and orphaned its services.
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(Base);
        await using var daemon = await project.StartDaemonAsync();
        var before = await RunningPids(project, daemon, ct);

        project.Write(kind switch
        {
            "2 MiB" => Base + "\n" + string.Concat(Enumerable.Repeat("# filler filler filler filler filler filler filler filler filler\n", 33_000)),
            _ => Base + "\nx: " + new string(kind[^1], 60_000) + new string(kind[^1] == '[' ? ']' : '}', 60_000) + "\n",
        });
        var result = await project.Cli(ct, "reload");

        Assert.True(result.ExitCode == 2, $"{kind}: exit {result.ExitCode}: {result.Output}");
        Assert.Contains(expected, result.Output);
        Assert.Contains("nothing was changed", result.Output);
        Assert.Equal(before, await Pids(project, ct));
        Assert.All(before.Values, pid => Assert.True(ProcessTable.Exists(pid!.Value)));
    }

    [Fact(Timeout = 60000)]
    public async Task Reload_adds_removes_restarts_and_updates_in_place_changing_exactly_the_expected_pids()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(Base);
        await using var daemon = await project.StartDaemonAsync();
        var before = await RunningPids(project, daemon, ct);

        // db: unchanged; api: command changes (restart); worker: removed; cache: added; db gets a new restart policy (in place).
        project.Write("""
            services:
              db:
                command: ["sleep", "1001"]
                restart: { policy: always }
              api:
                command: ["sleep", "2002"]
                depends_on: [db]
              cache:
                command: ["sleep", "1004"]
            """);
        var cacheStarted = daemon.WaitForEvent(EventTypes.ServiceStarted, "cache");
        var result = await project.Cli(ct, "reload");
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("+ add             cache", result.Output);
        Assert.Contains("- remove          worker", result.Output);
        Assert.Contains("~ restart         api (command)", result.Output);
        Assert.Contains("= update in place db (restart)", result.Output);
        await cacheStarted;

        var after = await Pids(project, ct);
        Assert.Equal(before["db"], after["db"]);
        Assert.NotEqual(before["api"], after["api"]);
        Assert.NotNull(after["api"]);
        Assert.False(after.ContainsKey("worker"));
        Assert.False(ProcessTable.Exists(before["worker"]!.Value));
        Assert.NotNull(after["cache"]);
        Assert.Equal(Aurora.Core.Config.RestartPolicyKind.Always, daemon.Runtime.Config.Find("db")!.Restart.Policy);

        var reloaded = await daemon.WaitForEvent(EventTypes.ConfigReloaded, null!);
        Assert.Equal("cache", reloaded.Data.GetProperty("added")[0].GetString());
    }

    [Fact(Timeout = 60000)]
    public async Task Reload_applies_a_changed_notify_list()
    {
        // Issue 12: a change to notify: was parsed and then ignored until the daemon restarted.
        var ct = TestContext.Current.CancellationToken;
        await using var hook = new Events.WebhookServer();
        await using var project = TestProject.Create(Base);
        await using var daemon = await project.StartDaemonAsync();
        var before = await RunningPids(project, daemon, ct);

        project.Write(Base + $"\nnotify: [{{ webhook: \"{hook.Url}\", events: [config.reloaded] }}]\n");
        var result = await project.Cli(ct, "reload");

        Assert.True(result.ExitCode == 0, result.Output);
        var (_, body) = await hook.Requests.Reader.ReadAsync(ct).AsTask().DefaultTimeout();
        Assert.Contains("\"type\":\"config.reloaded\"", body);
        Assert.Contains("\"settings\":[\"notify\"]", body);
        Assert.Equal(before, await Pids(project, ct));
    }

    [Fact(Timeout = 60000)]
    public async Task Dry_run_prints_the_diff_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(Base);
        await using var daemon = await project.StartDaemonAsync();
        var before = await RunningPids(project, daemon, ct);
        project.Write(Base.Replace("1002", "3002"));
        var result = await project.Cli(ct, "reload", "--dry-run");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dry run", result.Output);
        Assert.Contains("~ restart         api (command)", result.Output);
        Assert.Equal(before, await Pids(project, ct));
        Assert.Equal(["sleep", "1002"], daemon.Runtime.Config.Find("api")!.Command);
    }

    [Fact(Timeout = 90000)]
    public async Task Sighup_reloads_like_aurora_reload()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(Base);
        Assert.Equal(0, (await project.Cli(ct, "up", "-d")).ExitCode);
        var before = await RunningPids(project, null, ct);
        project.Write(Base.Replace("1003", "4003"));
        var daemonPid = DaemonLock.RunningPid(project.Paths)!.Value;

        Assert.Equal(0, Os.Kill(daemonPid, Signals.SIGHUP));
        var changed = await WaitForPids(project, p => p.GetValueOrDefault("worker") is { } w && w != before["worker"], ct);
        Assert.Equal(before["db"], changed["db"]);
        Assert.Equal(before["api"], changed["api"]);
        Assert.Equal(daemonPid, DaemonLock.RunningPid(project.Paths));
        var events = await project.Cli(ct, "events", "--json");
        Assert.Contains("\"type\":\"config.reloaded\"", events.Output);
        Assert.Equal(0, (await project.Cli(ct, "down")).ExitCode);
    }

    [Fact(Timeout = 90000)]
    public async Task A_daemon_killed_during_a_reload_comes_back_with_the_new_config_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(Base);
        Assert.Equal(0, (await project.Cli(ct, "up", "-d")).ExitCode);
        var old = await RunningPids(project, null, ct);
        var oldDaemon = DaemonLock.RunningPid(project.Paths)!.Value;
        project.Write(Base.Replace("1002", "5002").Replace("1003", "5003"));

        var reload = project.Cli(ct, "reload");
        Assert.Equal(0, Os.Kill(oldDaemon, Signals.SIGKILL));
        await reload;

        var up = await project.Cli(ct, "up", "-d");
        Assert.True(up.ExitCode == 0, up.Output);
        // Issue 17: the new daemon adopts what the holder kept; db's config did not change, so it keeps its process,
        // while api and worker, changed meanwhile, are restarted as the reload would have done.
        var now = await WaitForPids(project, p => p.GetValueOrDefault("api") is { } a && a != old["api"]
            && p.GetValueOrDefault("worker") is { } w && w != old["worker"], ct);
        Assert.Equal(old["db"], now["db"]);
        Assert.All(new[] { old["api"], old["worker"] }, p => Assert.False(ProcessTable.Exists(p!.Value) && ProcessTable.Read(p.Value) is { IsZombie: false }, $"old pid {p} survived"));
        var tag = new DaemonPaths(project.Dir).ProjectId;
        foreach (var (name, arg) in new[] { ("db", "1001"), ("api", "5002"), ("worker", "5003") })
        {
            var pid = now[name]!.Value;
            Assert.Equal(["sleep", arg], ProcessTable.CommandLine(pid));
            Assert.Single(ProcessTable.TaggedPids($"{tag}/{name}"));
        }

        Assert.Equal(0, (await project.Cli(ct, "down")).ExitCode);
    }

    private static async Task<Dictionary<string, int?>> Pids(TestProject project, CancellationToken ct)
    {
        using var client = new ControlClient(project.Paths);
        var list = await client.GetAsync("/api/v1/services", AuroraJsonContext.Default.ServiceListDto, ct);
        return list.Services.ToDictionary(s => s.Name, s => s.Pid);
    }

    private static async Task<Dictionary<string, int?>> RunningPids(TestProject project, RunningDaemon? daemon, CancellationToken ct) =>
        await WaitForPids(project, p => p.Values.All(v => v is not null), ct);

    private static async Task<Dictionary<string, int?>> WaitForPids(TestProject project, Func<Dictionary<string, int?>, bool> ready, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var pids = await Pids(project, ct);
            if (ready(pids))
            {
                return pids;
            }

            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(20), "services never reached the expected pids");
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, ct);
        }
    }
}
