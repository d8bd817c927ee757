using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Aurora.IntegrationTests.TestSupport;

/// The event stream's messages as a client reads them: each message holds one or more JSON objects, one per
/// line (events committed together travel in one message).
internal static class StreamLines
{
    public static async IAsyncEnumerable<string> ReadAsync(ClientWebSocket socket, [EnumeratorCancellation] CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult r;
            try
            {
                r = await socket.ReceiveAsync(buffer, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                yield break;
            }

            if (r.MessageType == WebSocketMessageType.Close)
            {
                yield break;
            }

            message.Write(buffer, 0, r.Count);
            if (!r.EndOfMessage)
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return line;
            }
        }
    }
}
