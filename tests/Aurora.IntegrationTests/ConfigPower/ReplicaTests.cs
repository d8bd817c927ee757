using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.ConfigPower;

/// `replicas:` on real processes, through the real CLI: each instance binds its own port and is checked on it, a
/// dependent waits for all of them, `scale` adds and removes instances until the next reload, `restart NAME` acts on
/// every instance and `restart NAME-2` on one, `status` groups them.
public class ReplicaTests
{
    /// A base B such that ports B1, B2, B3, B4 are free (`ports: ["B{replica}"]`).
    private static int FreeBase()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var b = Random.Shared.Next(2000, 6500);
            if (Enumerable.Range(1, 4).All(i => IsFree(b * 10 + i)))
            {
                return b;
            }
        }

        throw new InvalidOperationException("no free port base");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var l = new TcpListener(IPAddress.Loopback, port);
            l.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [Fact(Timeout = 120000)]
    public async Task Replicas_each_serve_their_own_port_and_scale_restart_and_status_treat_them_as_one_service()
    {
        var ct = TestContext.Current.CancellationToken;
        var b = FreeBase();
        await using var project = TestProject.Create($$"""
            services:
              web:
                command: ["sh", "-c", "echo replica $$AURORA_REPLICA on {{b}}{replica}; exec python3 -m http.server {{b}}{replica} --bind 127.0.0.1"]
                ports: ["{{b}}{replica}"]
                health: { tcp: "127.0.0.1:{{b}}{replica}", interval: 200ms }
                replicas: 3
              proxy:
                command: ["sleep", "1000"]
                depends_on: { web: healthy }
            """);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "proxy");
        var rows = await Rows(project, ct);
        Assert.Equal(["web-1", "web-2", "web-3"], rows.Where(r => r.ReplicaOf == "web").Select(r => r.Name));
        Assert.All(rows.Where(r => r.ReplicaOf == "web"), r => Assert.Equal("healthy", r.State));
        await daemon.WaitForLogLine("web-2", $"replica 2 on {b}2");

        var status = await project.Cli(ct, "status");
        Assert.Contains("3 replicas: 3 healthy", status.Output);

        var mark = daemon.Runtime.Events.LastCommittedSeq;
        var scaled = await project.Cli(ct, "scale", "web", "4");
        Assert.True(scaled.ExitCode == 0, scaled.Output);
        Assert.Contains("+ web-4", scaled.Output);
        await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.ServiceHealthy && e.Service == "web-4");

        var before = (await Rows(project, ct)).Where(r => r.ReplicaOf == "web").ToDictionary(r => r.Name, r => r.Pid);
        mark = daemon.Runtime.Events.LastCommittedSeq;
        var one = await project.Cli(ct, "restart", "web-2");
        Assert.True(one.ExitCode == 0, one.Output);
        Assert.Single(one.Output.Split('\n'), l => l.StartsWith("web-", StringComparison.Ordinal));
        var all = await project.Cli(ct, "restart", "web");
        Assert.True(all.ExitCode == 0, all.Output);
        Assert.Equal(4, all.Output.Split('\n').Count(l => l.StartsWith("web-", StringComparison.Ordinal)));
        foreach (var instance in before.Keys)
        {
            await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.ServiceHealthy && e.Service == instance
                && e.Data.GetProperty("pid").GetInt32() != before[instance]);
        }

        var down = await project.Cli(ct, "scale", "web", "2");
        Assert.Contains("- web-3", down.Output);
        Assert.Contains("- web-4", down.Output);
        Assert.Equal(["web-1", "web-2"], (await Rows(project, ct)).Where(r => r.ReplicaOf == "web").Select(r => r.Name));

        // Until the next reload: the file says 3.
        mark = daemon.Runtime.Events.LastCommittedSeq;
        Assert.Equal(0, (await project.Cli(ct, "reload")).ExitCode);
        await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.ServiceHealthy && e.Service == "web-3");
    }

    private sealed record Row(string Name, string State, int? Pid, string? ReplicaOf);

    private static async Task<List<Row>> Rows(TestProject project, CancellationToken ct)
    {
        var status = await project.Cli(ct, "status", "--json");
        using var doc = JsonDocument.Parse(status.Output);
        return [.. doc.RootElement.GetProperty("services").EnumerateArray().Select(s => new Row(
            s.GetProperty("name").GetString()!, s.GetProperty("state").GetString()!,
            s.GetProperty("pid").ValueKind == JsonValueKind.Number ? s.GetProperty("pid").GetInt32() : null,
            s.TryGetProperty("replica_of", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null))];
    }
}
