using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.ConfigPower;

/// `ready:` on real processes: a line of output, READY=1 and STATUS= on NOTIFY_SOCKET, a missed watchdog and a
/// service that never says it is ready (both hangs); `depends_on: ready` waits for it.
public class ReadinessTests
{
    [Fact(Timeout = 60000)]
    public async Task A_log_line_makes_a_service_ready_and_healthy_and_its_dependent_waits_for_it()
    {
        await using var project = TestProject.Create("""
            services:
              db:
                command: ["sh", "-c", "sleep 0.3; echo 'db: listening on 5432'; exec sleep 1000"]
                ready: { log: "listening on \\d+", timeout: 10s }
              api:
                command: ["sleep", "1000"]
                depends_on: { db: ready }
            """);
        await using var daemon = await project.StartDaemonAsync();

        var healthy = await daemon.WaitForEvent(EventTypes.ServiceHealthy, "db");
        Assert.True(healthy.Data.GetProperty("ready").GetBoolean());
        var apiStarting = await daemon.WaitForEvent(EventTypes.ServiceStarting, "api");
        Assert.True(apiStarting.Seq > healthy.Seq, "api started before db was ready");
        var db = daemon.Runtime.Orchestrator.Find("db")!.Snapshot;
        Assert.True(db.Ready);
        Assert.Equal("Healthy", db.State.ToString());
    }

    [Fact(Timeout = 60000)]
    public async Task Ready_and_status_come_over_notify_socket_and_a_missed_watchdog_is_a_hang()
    {
        // A real sd_notify client: a datagram to $NOTIFY_SOCKET (an abstract name starts with @, sent as \0).
        var notify = """
            import os, socket, time
            addr = os.environ['NOTIFY_SOCKET']
            addr = '\0' + addr[1:] if addr.startswith('@') else addr
            s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            s.sendto(b'STATUS=warming up', addr)
            time.sleep(0.2)
            s.sendto(b'READY=1\nSTATUS=serving', addr)
            for _ in range(3):
                time.sleep(0.1)
                s.sendto(b'WATCHDOG=1', addr)
            print('pings stopped', flush=True)
            time.sleep(1000)
            """;
        await using var project = TestProject.Create("services:\n  worker:\n    command: [\"python3\", \"worker.py\"]\n" +
            "    ready: { notify: true, watchdog: 600ms, timeout: 10s }\n    restart: { policy: never }\n");
        File.WriteAllText(Path.Combine(project.Dir, "worker.py"), notify);
        await using var daemon = await project.StartDaemonAsync();

        await daemon.WaitForEvent(EventTypes.ServiceUpdated, "worker", e => e.Data.GetProperty("status").GetString() == "warming up");
        await daemon.WaitForEvent(EventTypes.ServiceHealthy, "worker");
        await daemon.WaitForEvent(EventTypes.ServiceUpdated, "worker", e => e.Data.GetProperty("status").GetString() == "serving");
        Assert.Equal("serving", daemon.Runtime.Orchestrator.Find("worker")!.Snapshot.StatusText);

        var unhealthy = await daemon.WaitForEvent(EventTypes.ServiceUnhealthy, "worker");
        Assert.Equal("no WATCHDOG=1 within 600ms", unhealthy.Data.GetProperty("detail").GetString());
        await daemon.WaitForLogLine("worker", "pings stopped");
    }

    [Fact(Timeout = 60000)]
    public async Task Not_ready_within_its_timeout_is_a_hang_killed_with_its_last_output_as_evidence()
    {
        await using var project = TestProject.Create("""
            services:
              api:
                command: ["sh", "-c", "echo 'connecting to the cache...'; exec sleep 1000"]
                ready: { log: "listening", timeout: 500ms }
                restart: { backoff: { initial: 10s } }
            """);
        await using var daemon = await project.StartDaemonAsync();

        var unhealthy = await daemon.WaitForEvent(EventTypes.ServiceUnhealthy, "api");
        Assert.Equal("not ready within 500ms", unhealthy.Data.GetProperty("detail").GetString());
        Assert.Equal("kill", unhealthy.Data.GetProperty("action").GetString());
        var exited = await daemon.WaitForEvent(EventTypes.ServiceExited, "api");
        Assert.Equal("SIGKILL", exited.Data.GetProperty("signal").GetString());
        var diagnosed = await daemon.WaitForEvent(e => e.Type == EventTypes.IncidentDiagnosed && e.Service == "api" && e.Data.TryGetProperty("confidence", out _));
        Assert.Equal("hang", diagnosed.Data.GetProperty("cause").GetString());
        Assert.Contains(diagnosed.Data.GetProperty("evidence").EnumerateArray(), l => l.GetString()!.Contains("connecting to the cache", StringComparison.Ordinal));
    }
}
