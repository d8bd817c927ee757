using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Events;

public class StreamTests
{
    [Fact(Timeout = 90000)]
    public async Task A_stalled_websocket_client_is_cut_off_and_does_not_delay_the_others()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("services: { idle: { command: [sleep, '1000'] } }");
        await using var daemon = await project.StartDaemonAsync();
        using var client = new ControlClient(project.Paths);
        var start = daemon.Runtime.Events.LastCommittedSeq;

        using var stalled = new ClientWebSocket();
        using var reader = new ClientWebSocket();
        using var invoker1 = client.Invoker();
        using var invoker2 = client.Invoker();
        await stalled.ConnectAsync(new Uri($"ws://localhost/api/v1/events/stream?after={start}"), invoker1, ct);
        await reader.ConnectAsync(new Uri($"ws://localhost/api/v1/events/stream?after={start}"), invoker2, ct);

        const int count = 20_000;
        var padding = new string('x', 1000);
        var reading = ReadSeqsAsync(reader, start + count, ct);
        // 5,000 events a second (the fan-out benchmark's rate): a reading client keeps up, a stalled one cannot.
        for (var i = 0; i < count; i++)
        {
            daemon.Runtime.Events.Publish("test.event", "idle", new EventData().Add("i", i).Add("pad", padding).Build());
            if (i % 50 == 49)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, ct);
            }
        }

        var seqs = await reading.DefaultTimeout(TimeSpan.FromSeconds(60));
        var mine = seqs.Where(s => s > start).ToList();
        Assert.Equal(Enumerable.Range(1, count).Select(i => start + i), mine.Where(s => s <= start + count));

        // The stalled client was told to resync instead of holding the daemon's fan-out back.
        var resync = await FindResyncAsync(stalled, ct).DefaultTimeout(TimeSpan.FromSeconds(60));
        Assert.True(resync > start && resync < start + count, $"resync at {resync}");
    }

    private static async Task<List<long>> ReadSeqsAsync(ClientWebSocket socket, long until, CancellationToken ct)
    {
        var seqs = new List<long>();
        await foreach (var text in Messages(socket, ct))
        {
            using var doc = JsonDocument.Parse(text);
            if (!doc.RootElement.TryGetProperty("seq", out var seqValue))
            {
                continue; // a resource sample
            }

            var seq = seqValue.GetInt64();
            seqs.Add(seq);
            if (seq >= until)
            {
                break;
            }
        }

        return seqs;
    }

    private static async Task<long> FindResyncAsync(ClientWebSocket socket, CancellationToken ct)
    {
        await foreach (var text in Messages(socket, ct))
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.TryGetProperty("type", out var type) && type.GetString() == "resync")
            {
                return doc.RootElement.GetProperty("last_seq").GetInt64();
            }
        }

        throw new InvalidOperationException("the stream ended without a resync");
    }

    private static IAsyncEnumerable<string> Messages(ClientWebSocket socket, CancellationToken ct) => StreamLines.ReadAsync(socket, ct);
}
