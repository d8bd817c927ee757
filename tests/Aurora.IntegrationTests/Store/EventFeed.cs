using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Contracts.V1;

namespace Aurora.IntegrationTests.Store;

/// Reads the daemon's WebSocket event stream (what a client is told) until a condition holds.
internal static class EventFeed
{
    public static async Task<List<EventDto>> ReadUntilAsync(ControlClient client, long after, Func<List<EventDto>, bool> enough, CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        using var invoker = client.Invoker();
        await socket.ConnectAsync(new Uri($"ws://localhost/api/v1/events/stream?after={after}"), invoker, ct);
        var seen = new List<EventDto>();
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (!enough(seen))
        {
            var r = await socket.ReceiveAsync(buffer, ct);
            if (r.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("the event stream closed");
            }

            message.Write(buffer, 0, r.Count);
            if (r.EndOfMessage)
            {
                seen.Add(JsonSerializer.Deserialize(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length),
                    AuroraJsonContext.Default.EventDto)!);
                message.SetLength(0);
            }
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
        return seen;
    }
}
