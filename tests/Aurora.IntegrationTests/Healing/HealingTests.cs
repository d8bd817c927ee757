using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Aurora.Core.Events;
using Aurora.Core.Processes;
using Aurora.Daemon.Hosting;
using Aurora.IntegrationTests.Daemon;
using Aurora.IntegrationTests.Processes;
using Aurora.IntegrationTests.TestSupport;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Healing;

/// Real failing programs healed (or deliberately not) as transactions.
public class HealingTests
{
    /// A service that fails on a missing module, and its own fix that creates the module (and is verified).
    private const string MissingModuleWithUserFix = """
        services:
          api:
            command: ["python3", "-c", "import greetings, time; time.sleep(1000)"]
            env: { PYTHONPATH: "lib" }
            restart: { backoff: { initial: 100ms } }
            fixes:
              - cause: missing_dependency
                run: ["sh", "-c", "mkdir -p lib && echo 'GREETING = 1' > lib/greetings.py"]
                touches: [lib]
        """;

    [Fact(Timeout = 60000)]
    public async Task Missing_python_module_is_installed_verified_and_the_service_becomes_healthy()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort.Next();
        await using var project = TestProject.Create($$"""
            services:
              api:
                command: ["python3", "app.py"]
                env: { PYTHONPATH: "lib", PORT: "{{port}}" }
                install: ["sh", "-c", "mkdir -p lib && printf 'GREETING = \"hi\"\\n' > lib/greetings.py"]
                health: { tcp: "127.0.0.1:{{port}}", interval: 200ms, timeout: 1s }
                restart: { backoff: { initial: 200ms } }
            """);
        File.WriteAllText(Path.Combine(project.Dir, "app.py"),
            "import os, socket, time\nimport greetings\ns = socket.socket(); s.bind(('127.0.0.1', int(os.environ['PORT']))); s.listen()\nprint(greetings.GREETING, flush=True)\ntime.sleep(1000)\n");

        await using var daemon = await project.StartDaemonAsync();
        var failed = await daemon.WaitForEvent(EventTypes.ServiceExited, "api");
        var diagnosed = await daemon.WaitForEvent(EventTypes.IncidentDiagnosed, "api");
        Assert.Equal("missing_dependency", diagnosed.Data.GetProperty("cause").GetString());
        var started = await daemon.WaitForEvent(EventTypes.FixStarted, "api");
        Assert.Equal("run_install", started.Data.GetProperty("fix").GetString());
        var verified = await daemon.WaitForEvent(EventTypes.FixVerified, "api");
        Assert.Equal("healthy", daemon.Runtime.Orchestrator.Find("api")!.Snapshot.State.ToString().ToLowerInvariant());
        Assert.True(File.Exists(Path.Combine(project.Dir, "lib", "greetings.py")));
        TestContext.Current.SendDiagnosticMessage($"failure -> verified healthy: {(verified.Time - failed.Time).TotalMilliseconds:0} ms");
        _ = ct;
    }

    [Fact(Timeout = 60000)]
    public async Task Script_without_its_execute_bit_gets_it_back_and_runs()
    {
        await using var project = TestProject.Create("""
            services:
              job:
                command: ["./run.sh"]
                restart: { backoff: { initial: 100ms } }
            """);
        var script = Path.Combine(project.Dir, "run.sh");
        File.WriteAllText(script, "#!/bin/sh\necho running\nexec sleep 1000\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using var daemon = await project.StartDaemonAsync();
        var diagnosed = await daemon.WaitForEvent(EventTypes.IncidentDiagnosed, "job");
        Assert.Equal("permission_denied", diagnosed.Data.GetProperty("cause").GetString());
        var verified = await daemon.WaitForEvent(EventTypes.FixVerified, "job");
        Assert.Equal("restore_exec_bit", verified.Data.GetProperty("fix").GetString());
        Assert.True(File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute));
        Assert.True(File.GetUnixFileMode(script).HasFlag(UnixFileMode.OtherExecute));
        Assert.NotNull(daemon.Runtime.Orchestrator.Find("job")!.Snapshot.Pid);
    }

    [Fact(Timeout = 60000)]
    public async Task A_fix_whose_verify_fails_is_rolled_back_byte_for_byte()
    {
        await using var project = TestProject.Create("""
            services:
              api:
                command: ["python3", "-c", "import not_installed_module"]
                restart: { policy: never }
                fixes:
                  - cause: missing_dependency
                    run: ["sh", "-c", "printf 'changed' > settings.conf && chmod 600 settings.conf && mkdir -p cache/sub && echo new > cache/sub/made.txt && echo extra > cache/old.txt.new && rm cache/keep.txt"]
                    touches: [settings.conf, cache, created.flag]
                    verify: ["false"]
            """);
        var original = new byte[] { 0x00, 0xFF, 0x10, (byte)'\n', (byte)'x' };
        var settings = Path.Combine(project.Dir, "settings.conf");
        File.WriteAllBytes(settings, original);
        File.SetUnixFileMode(settings, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        Directory.CreateDirectory(Path.Combine(project.Dir, "cache"));
        File.WriteAllText(Path.Combine(project.Dir, "cache", "keep.txt"), "keep me");

        await using var daemon = await project.StartDaemonAsync();
        var rolledBack = await daemon.WaitForEvent(EventTypes.FixRolledBack, "api");
        Assert.StartsWith("user:0:", rolledBack.Data.GetProperty("fix").GetString());

        // Its verification restarted the service, which failed again: the same fix is not re-applied at once.
        var skipped = await daemon.WaitForEventAfter(rolledBack.Seq, e => e.Type == EventTypes.FixSkipped && e.Service == "api"
            && e.Data.GetProperty("fix").GetString()!.StartsWith("user:0:", StringComparison.Ordinal));
        Assert.Contains("rolled back", skipped.Data.GetProperty("reason").GetString());
        Assert.Equal(original, File.ReadAllBytes(settings));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(settings));
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(project.Dir, "cache", "keep.txt")));
        Assert.False(Directory.Exists(Path.Combine(project.Dir, "cache", "sub")));
        Assert.False(File.Exists(Path.Combine(project.Dir, "cache", "old.txt.new")));
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(Path.Combine(project.Dir, "cache")).Select(Path.GetFileName));
        var manifest = Aurora.Core.Healing.FixManifest.Read(Path.Combine(project.Paths.Backups, rolledBack.Data.GetProperty("fix_id").GetString()!, "manifest.json"));
        Assert.Equal("rolled_back", manifest.State);
    }

    [Fact(Timeout = 60000)]
    public async Task Rolling_back_a_fix_that_linked_a_directory_outside_the_project_into_vendor_deletes_nothing_there()
    {
        // Issue 19, finding 1: an npm workspace link made by the fix led the rollback into a directory outside.
        var outside = Directory.CreateTempSubdirectory("aurora-outside-").FullName;
        File.WriteAllText(Path.Combine(outside, "package.json"), "{\"name\": \"shared\"}");
        File.SetUnixFileMode(Path.Combine(outside, "package.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        try
        {
            await using var project = TestProject.Create($$"""
                services:
                  api:
                    command: ["python3", "-c", "import not_installed_module"]
                    restart: { policy: never }
                    fixes:
                      - cause: missing_dependency
                        run: ["ln", "-s", "{{outside}}", "vendor/shared"]
                        touches: [vendor]
                        verify: ["false"]
                """);
            Directory.CreateDirectory(Path.Combine(project.Dir, "vendor"));

            await using var daemon = await project.StartDaemonAsync();
            var rolledBack = await daemon.WaitForEvent(EventTypes.FixRolledBack, "api");

            Assert.Equal(1, rolledBack.Data.GetProperty("removed").GetInt32());
            Assert.False(Path.Exists(Path.Combine(project.Dir, "vendor", "shared")));
            Assert.Equal(["package.json"], Directory.GetFileSystemEntries(outside).Select(Path.GetFileName));
            Assert.Equal("{\"name\": \"shared\"}", File.ReadAllText(Path.Combine(outside, "package.json")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(Path.Combine(outside, "package.json")));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact(Timeout = 60000)]
    public async Task A_disk_full_while_recording_the_outcome_never_undoes_a_verified_fix()
    {
        // Issue 19, finding 7: the record store threw ENOSPC before the commit, so the next start rolled back a fix
        // that worked. Here the store's temp file leads to /dev/full: every write to it fails with ENOSPC.
        await using var project = TestProject.Create(MissingModuleWithUserFix);
        Directory.CreateDirectory(project.Paths.StateDirectory);
        File.CreateSymbolicLink(project.Paths.FixRecords + ".tmp", "/dev/full");

        var daemon = await project.StartDaemonAsync();
        var verified = await daemon.WaitForEvent(EventTypes.FixVerified, "api");
        Assert.Contains("No space left on device", verified.Data.GetProperty("record_error").GetString());
        await daemon.DisposeAsync();

        // The next start finds nothing pending: the fix stays.
        Assert.Empty(Aurora.Core.Healing.FixTransaction.RecoverPending(project.Dir, project.Paths.Backups, TimeProvider.System));
        Assert.True(File.Exists(Path.Combine(project.Dir, "lib", "greetings.py")));
    }

    [Fact(Timeout = 60000)]
    public async Task The_backup_of_a_finished_fix_is_pruned_by_healing_backups()
    {
        // Issue 19, finding 5: .aurora/backups grew with every attempt.
        await using var project = TestProject.Create(MissingModuleWithUserFix + "\nhealing: { backups: { keep: 0 } }\n");
        Directory.CreateDirectory(Path.Combine(project.Paths.Backups, "fix-20200101-000000-old"));

        await using var daemon = await project.StartDaemonAsync();
        var verified = await daemon.WaitForEvent(EventTypes.FixVerified, "api");

        // Only the finished backups: a crash queued before this fix verified can start the next fix at once, and its
        // backup, in flight, is kept (one clean clone in five saw it here).
        Assert.False(Directory.Exists(Path.Combine(project.Paths.Backups, verified.Data.GetProperty("fix_id").GetString()!)));
        Assert.False(Directory.Exists(Path.Combine(project.Paths.Backups, "fix-20200101-000000-old")));
        Assert.True(File.Exists(Path.Combine(project.Dir, "lib", "greetings.py")));
    }

    [Fact(Timeout = 60000)]
    public async Task A_foreign_port_holder_is_named_and_left_alone()
    {
        using var foreign = new TcpListener(IPAddress.Loopback, 0);
        foreign.Start();
        var port = ((IPEndPoint)foreign.LocalEndpoint).Port;
        await using var project = TestProject.Create($$"""
            services:
              web:
                command: ["python3", "-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', {{port}})); s.listen()"]
                ports: [{{port}}]
                restart: { policy: never }
            """);
        await using var daemon = await project.StartDaemonAsync();
        var skipped = await daemon.WaitForEvent(EventTypes.FixSkipped, "web", e => e.Data.GetProperty("fix").GetString() == "stop_stale_instance");
        Assert.Contains($"held by pid {Environment.ProcessId}", skipped.Data.GetProperty("reason").GetString());
        Assert.Contains("left alone", skipped.Data.GetProperty("reason").GetString());
        Assert.True(foreign.Server.IsBound);
        using var probe = new TcpClient();
        await probe.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = 60000)]
    public async Task A_stale_instance_of_the_same_service_holding_its_port_is_stopped_and_the_service_comes_up()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort.Next();
        var server = $"import socket, time; s = socket.socket(); s.bind(('127.0.0.1', {port})); s.listen(); print('listening', flush=True); time.sleep(1000)";
        await using var project = TestProject.Create($$"""
            services:
              web:
                command: ["python3", "-c", "{{server}}"]
                ports: [{{port}}]
                health: { tcp: "127.0.0.1:{{port}}", interval: 200ms, timeout: 1s }
                restart: { backoff: { initial: 300ms } }
            """);
        await using var daemon = await project.StartDaemonAsync();
        var first = await daemon.WaitForEvent(EventTypes.ServiceHealthy, "web");
        var firstPid = first.Data.GetProperty("pid").GetInt32();

        // Simulate an instance left over from an earlier run: same command, this project's tag for web.
        var mark = daemon.Runtime.Events.LastCommittedSeq;
        await daemon.Runtime.Orchestrator.Find("web")!.StopAsync().DefaultTimeout();
        var tag = $"{new DaemonPaths(project.Dir).ProjectId}/web";
        var ready = new TaskCompletionSource();
        var stale = new PosixProcessLauncher().Start(new ProcessSpec(["python3", "-c", server], project.Dir, TestChild.BaseEnvironment, tag,
            new ReadySink(ready)));
        await ready.Task.DefaultTimeout();

        await daemon.Runtime.Orchestrator.Find("web")!.StartAsync().DefaultTimeout();
        var verified = await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.FixVerified && e.Service == "web");
        Assert.Equal("stop_stale_instance", verified.Data.GetProperty("fix").GetString());
        var exit = await stale.Exited.DefaultTimeout();
        Assert.NotNull(exit.Signal);
        var now = daemon.Runtime.Orchestrator.Find("web")!.Snapshot;
        Assert.Equal("Healthy", now.State.ToString());
        Assert.NotEqual(firstPid, now.Pid);
        Assert.NotEqual(stale.Pid, now.Pid);

        // "Show me past fixes for port conflict errors": the incident carries the fix and its outcome.
        using var client = new Aurora.Cli.Client.ControlClient(project.Paths);
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var history = await client.GetAsync("/api/v1/history?q=port%20conflict", Aurora.Contracts.V1.AuroraJsonContext.Default.HistoryDto, ct);
            // Any of web's port_conflict incidents: a restart made before the fix ran may have opened a second one.
            if (history.Incidents.Any(i => i.Service == "web" && i.Cause == "port_conflict"
                && i.Fixes.Any(f => f.Fix == "stop_stale_instance" && f.Outcome == "verified")))
            {
                break;
            }

            // The fix is written by the store's writer a moment after fix.verified; bounded wait.
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(10),
                "history never showed the verified fix: " + System.Text.Json.JsonSerializer.Serialize(history, Aurora.Contracts.V1.AuroraJsonContext.Default.HistoryDto));
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, ct);
        }
    }

    private sealed class ReadySink(TaskCompletionSource ready) : IOutputSink
    {
        public void Write(ReadOnlySpan<byte> chunk) => ready.TrySetResult();

        public void Complete()
        {
        }
    }
}
