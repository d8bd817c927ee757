using System.Net;
using System.Net.Sockets;
using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.Diagnosis;

/// SPEC §6 dependency_unavailable on a real program: connection refused to an address that is not the service's
/// own holds it degraded ("waiting for HOST:PORT") without burning its restart limit, and it starts again once the
/// address answers.
public class DependencyWaitTests
{
    [Fact(Timeout = 90000)]
    public async Task A_service_that_cannot_reach_its_redis_waits_for_it_and_starts_once_it_answers()
    {
        var redis = FreePort.Next();
        // Node's own error names the address it could not reach ("connect ECONNREFUSED 127.0.0.1:PORT"), as
        // redis and postgres clients do.
        var client = $"require('net').connect({redis}, '127.0.0.1').on('connect', function () {{ console.log('redis ' + 'reached'); setInterval(function () {{}}, 1000); }})";
        await using var project = TestProject.Create($$"""
            services:
              worker:
                command: ["node", "-e", "{{client}}"]
                restart: { backoff: { initial: 200ms }, limit: { count: 1, within: 1m } }
            """);
        await using var daemon = await project.StartDaemonAsync();

        var degraded = await daemon.WaitForEvent(EventTypes.ServiceDegraded, "worker");
        Assert.Equal($"waiting for 127.0.0.1:{redis}", degraded.Data.GetProperty("reason").GetString());
        Assert.Equal("probe", degraded.Data.GetProperty("action").GetString());
        var snapshot = daemon.Runtime.Orchestrator.Find("worker")!.Snapshot;
        Assert.Equal("dependency_unavailable", snapshot.LastCause);

        using var listener = new TcpListener(IPAddress.Loopback, redis);
        listener.Start(16);
        // Node prints the failing source line with its errors: the marker is built at run time so only a real
        // connection prints it.
        await daemon.WaitForLogLine("worker", "redis reached");

        var events = (await daemon.Runtime.Events.Store.ReadAfterAsync(daemon.Runtime.BootSeq, 10_000, CancellationToken.None))
            .Where(e => e.Service == "worker").ToList();
        Assert.DoesNotContain(events, e => e.Type == EventTypes.ServiceFailed);
        Assert.True(daemon.Runtime.Orchestrator.Find("worker")!.Snapshot.State.ToString() == "Running", string.Join("\n", events.Select(e => $"{e.Seq} {e.Type} {e.Data.GetRawText()[..Math.Min(160, e.Data.GetRawText().Length)]}")));
    }
}
