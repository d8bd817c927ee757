using Aurora.Core.Events;

namespace Aurora.IntegrationTests.Adoption;

/// Issue 17: an adopted service with `ready: { notify: true }` gets its NOTIFY_SOCKET back. The address is per
/// process and the earlier daemon took its socket with it; the new daemon binds the same address again, so the
/// WATCHDOG=1 and STATUS= it keeps sending arrive, and the watchdog does not call it a hang.
public sealed class NotifyAdoptionTests
{
    // READY=1 once, then WATCHDOG=1 and a new STATUS= every 100 ms; a send while no daemon listens is refused, and ignored.
    private const string Pinger = """
        import os, socket, time
        addr = os.environ['NOTIFY_SOCKET']
        addr = '\0' + addr[1:] if addr.startswith('@') else addr
        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        def send(m):
            try:
                s.sendto(m, addr)
            except OSError:
                pass
        send(b'READY=1')
        i = 0
        while True:
            i += 1
            send(b'WATCHDOG=1\nSTATUS=tick %d' % i)
            time.sleep(0.1)
        """;

    [Fact(Timeout = 120000)]
    public async Task Watchdog_pings_and_status_keep_arriving_after_a_kill_9_of_the_daemon()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = DetachedProject.Create("""
            services:
              pinger:
                command: ["python3", "pinger.py"]
                ready: { notify: true, watchdog: 1s, timeout: 30s }
            """);
        File.WriteAllText(Path.Combine(project.Project.Dir, "pinger.py"), Pinger);
        await project.UpAsync(ct);
        await project.WaitForEventsAsync(0, e => e.Type == EventTypes.ServiceHealthy && e.Service == "pinger", 1, ct);
        var before = await project.StatusAsync(ct);

        await project.KillDaemonAsync(ct);
        await project.UpAsync(ct);
        var adopted = (await project.WaitForEventsAsync(before.Seq, e => e.Type == EventTypes.ServiceAdopted, 1, ct)).Single();

        // 25 status changes after the adoption: 2.5 s of pings, over twice the watchdog's 1 s, and no hang among them.
        var after = await project.WaitForEventsAsync(adopted.Seq, e => e.Service == "pinger"
            && e.Type is EventTypes.ServiceUpdated or EventTypes.ServiceUnhealthy or EventTypes.ServiceExited, 25, ct);
        Assert.All(after, e => Assert.Equal(EventTypes.ServiceUpdated, e.Type));
        Assert.StartsWith("tick ", after[^1].Data.GetProperty("status").GetString());
        var now = await project.StatusAsync(ct);
        var pinger = now.Services.Single();
        Assert.Equal((before.Services.Single().Pid, "healthy", 0), (pinger.Pid, pinger.State, pinger.Restarts));
    }
}
