using System.Net.WebSockets;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Contracts.V1;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Store;

/// Reads the daemon's WebSocket event stream (what a client is told: its events) until a condition holds.
internal static class EventFeed
{
    public static async Task<List<EventDto>> ReadUntilAsync(ControlClient client, long after, Func<List<EventDto>, bool> enough, CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        using var invoker = client.Invoker();
        await socket.ConnectAsync(new Uri($"ws://localhost/api/v1/events/stream?after={after}"), invoker, ct);
        var seen = new List<EventDto>();
        await foreach (var line in StreamLines.ReadAsync(socket, ct))
        {
            // Resource samples travel on the same stream, without a seq: not events.
            if (JsonSerializer.Deserialize(line, AuroraJsonContext.Default.EventDto) is not { Seq: > 0 } e)
            {
                continue;
            }

            seen.Add(e);
            if (enough(seen))
            {
                break;
            }
        }

        if (!enough(seen))
        {
            throw new InvalidOperationException("the event stream closed");
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
        return seen;
    }
}
