using Aurora.Cli.Client;
using Aurora.Contracts.V1;
using Aurora.Core.Events;
using Aurora.Core.Processes;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Daemon;

/// Real stacks of small python/sh services: ordering, health, hang detection, degradation.
public class StackTests
{
    /// A python HTTP server answering 200 on /health; the port comes from $PORT.
    private const string HttpServer =
        "import http.server,os\\nclass H(http.server.BaseHTTPRequestHandler):\\n    def do_GET(self):\\n        self.send_response(200); self.end_headers(); self.wfile.write(b'ok')\\n    def log_message(self,*a): pass\\nprint('serving', flush=True)\\nhttp.server.HTTPServer(('127.0.0.1', int(os.environ['PORT'])), H).serve_forever()";


    [Fact(Timeout = 60000)]
    public async Task Dependent_starts_only_after_its_dependency_is_healthy_and_a_one_shot_completed()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort.Next();
        await using var project = TestProject.Create($$"""
            services:
              db:
                command: ["python3", "-c", "{{HttpServer}}"]
                env: { PORT: "{{port}}" }
                health: { http: "http://127.0.0.1:{{port}}/health", interval: 200ms, timeout: 1s }
              migrate:
                command: ["sh", "-c", "echo migrating; exit 0"]
                restart: { policy: never }
              api:
                command: ["sleep", "1000"]
                depends_on: { db: healthy, migrate: completed }
            """);
        await using var daemon = await project.StartDaemonAsync();
        var apiStarting = await daemon.WaitForEvent(EventTypes.ServiceStarting, "api");
        var events = await daemon.Runtime.Events.Store.ReadAfterAsync(daemon.Runtime.BootSeq, 10_000, CancellationToken.None);
        var dbHealthy = events.First(e => e.Type == EventTypes.ServiceHealthy && e.Service == "db");
        var migrateExited = events.First(e => e.Type == EventTypes.ServiceExited && e.Service == "migrate");
        Assert.True(apiStarting.Seq > dbHealthy.Seq, "api started before db was healthy");
        Assert.True(apiStarting.Seq > migrateExited.Seq, "api started before migrate completed");
        Assert.Contains(events, e => e.Type == EventTypes.ServicePending && e.Service == "api");
        _ = ct;
    }

    [Fact(Timeout = 60000)]
    public async Task Sigstopped_http_server_is_killed_as_hung_and_replaced_in_time()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort.Next();
        await using var project = TestProject.Create($$"""
            services:
              web:
                command: ["python3", "-c", "{{HttpServer}}"]
                env: { PORT: "{{port}}" }
                health: { http: "http://127.0.0.1:{{port}}/health", interval: 300ms, timeout: 300ms, retries: 2 }
                restart: { policy: always, backoff: { initial: 0s } }
            """);
        await using var daemon = await project.StartDaemonAsync();
        var healthy = await daemon.WaitForEvent(EventTypes.ServiceHealthy, "web");
        var pid = healthy.Data.GetProperty("pid").GetInt32();

        var stoppedAt = TimeProvider.System.GetTimestamp();
        var replaced = daemon.WaitForEvent(EventTypes.ServiceHealthy, "web", e => e.Data.GetProperty("pid").GetInt32() != pid);
        var exited = daemon.WaitForEvent(EventTypes.ServiceExited, "web");
        Assert.Equal(0, Os.Kill(pid, Signals.SIGSTOP));
        var exit = await exited;
        var detectedIn = TimeProvider.System.GetElapsedTime(stoppedAt);
        Assert.Equal("SIGKILL", exit.Data.GetProperty("signal").GetString());
        await replaced;

        // interval × retries + timeout + 1 s
        Assert.True(detectedIn < TimeSpan.FromMilliseconds((300 * 2) + 300 + 1000), $"hang detected after {detectedIn}");
        var snapshot = daemon.Runtime.Orchestrator.Find("web")!.Snapshot;
        Assert.Equal("hang", snapshot.LastCause);
        Assert.False(ProcessTable.Exists(pid));
        _ = ct;
    }

    [Fact(Timeout = 60000)]
    public async Task Dependents_degrade_while_dependency_is_down_and_recover_in_order_without_burning_restarts()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort.Next();
        await using var project = TestProject.Create($$"""
            services:
              db:
                command: ["python3", "-c", "{{HttpServer}}"]
                env: { PORT: "{{port}}" }
                health: { tcp: "127.0.0.1:{{port}}", interval: 200ms, timeout: 1s, retries: 3 }
              api:
                command: ["sleep", "1000"]
                depends_on: { db: healthy }
                on_dependency_failure: stop
              web:
                command: ["sleep", "1000"]
                depends_on: [api]
              cache:
                command: ["sleep", "1000"]
                depends_on: { db: started }
                on_dependency_failure: keep
            """);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "web");
        var cacheStarted = await daemon.WaitForEvent(EventTypes.ServiceStarted, "cache");
        using var client = new ControlClient(project.Paths);

        var mark = daemon.Runtime.Events.LastCommittedSeq;
        var apiDegraded = daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.ServiceDegraded && e.Service == "api");
        var webDegraded = daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.ServiceDegraded && e.Service == "web");
        var cacheDegraded = daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.ServiceDegraded && e.Service == "cache");
        await client.PostAsync("/api/v1/services/db/stop", AuroraJsonContext.Default.ServiceDto, ct);
        await Task.WhenAll(apiDegraded, webDegraded, cacheDegraded).DefaultTimeout();

        var list = await client.GetAsync("/api/v1/services", AuroraJsonContext.Default.ServiceListDto, ct);
        var api = list.Services.Single(s => s.Name == "api");
        Assert.Equal("degraded", api.State);
        Assert.Null(api.Pid);
        Assert.Equal("waiting for db: healthy", api.Reason);
        var cache = list.Services.Single(s => s.Name == "cache");
        Assert.Equal("degraded", cache.State);
        Assert.Equal(cacheStarted.Data.GetProperty("pid").GetInt32(), cache.Pid);

        var recoveredAt = TimeProvider.System.GetTimestamp();
        var held = daemon.Runtime.Events.LastCommittedSeq;
        var webBack = daemon.WaitForEventAfter(held, e => e.Type == EventTypes.ServiceStarted && e.Service == "web");
        await client.PostAsync("/api/v1/services/db/start", AuroraJsonContext.Default.ServiceDto, ct);
        var web = await webBack;
        var events = await daemon.Runtime.Events.Store.ReadAfterAsync(held, 10_000, CancellationToken.None);
        var dbHealthy = events.First(e => e.Type == EventTypes.ServiceHealthy && e.Service == "db");
        var apiStarted = events.First(e => e.Type == EventTypes.ServiceStarted && e.Service == "api");
        Assert.True(dbHealthy.Seq < apiStarted.Seq && apiStarted.Seq < web.Seq, "dependents came back out of order");

        list = await client.GetAsync("/api/v1/services", AuroraJsonContext.Default.ServiceListDto, ct);
        Assert.All(list.Services, s => Assert.Equal(0, s.Restarts));
        Assert.Equal(cacheStarted.Data.GetProperty("pid").GetInt32(), list.Services.Single(s => s.Name == "cache").Pid);
        TestContext.Current.SendDiagnosticMessage($"db start -> web started: {TimeProvider.System.GetElapsedTime(recoveredAt).TotalMilliseconds:0} ms");
    }
}
