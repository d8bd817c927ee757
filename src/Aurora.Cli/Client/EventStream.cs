using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Aurora.Contracts.V1;
using Aurora.Core.Processes;
using Aurora.Layout;

namespace Aurora.Cli.Client;

/// One message of the live stream: an event (with its seq), or a message that has none (a resource sample).
internal sealed record StreamMessage(EventDto? Event, string Json);

/// Follows `/api/v1/events/stream`: events after a seq, replayed then live. When the daemon says this client
/// fell behind ("resync"), it reconnects from the last seq it yielded: nothing missed, nothing twice. Ends when
/// the daemon goes away or the token is cancelled.
internal static class EventStream
{
    /// A daemon being replaced (`aurora daemon restart`) keeps its pid while it re-executes: as long as that
    /// process lives (ReplacementWatch), a lost stream is re-opened after the last seq seen, so a follower resumes
    /// on the new daemon with no gap. A daemon that is gone (down, a crash) ends the stream.
    public static async IAsyncEnumerable<StreamMessage> FollowAsync(ControlClient client, long after, [EnumeratorCancellation] CancellationToken ct)
    {
        var daemon = new ReplacementWatch(DaemonLock.RunningPid(client.Paths), TimeProvider.System);
        var connected = false;
        while (!ct.IsCancellationRequested)
        {
            long? resync = null;
            var stream = ConnectAsync(client, after, r => resync = r, ct).GetAsyncEnumerator(ct);
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await stream.MoveNextAsync())
                        {
                            break;
                        }
                    }
                    catch (DaemonNotRunningException) when (connected && daemon.MayComeBack())
                    {
                        break;
                    }

                    connected = true;
                    daemon.Connected();
                    if (stream.Current.Event is { } e)
                    {
                        after = e.Seq;
                    }

                    yield return stream.Current;
                }
            }
            finally
            {
                await stream.DisposeAsync();
            }

            if (resync is not null)
            {
                after = Math.Max(after, resync.Value);
                continue;
            }

            if (!connected || !daemon.MayComeBack())
            {
                yield break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, ct);
        }
    }

    private static async IAsyncEnumerable<StreamMessage> ConnectAsync(ControlClient client, long after, Action<long> onResync,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        using var invoker = client.Invoker();
        try
        {
            await socket.ConnectAsync(new Uri($"ws://localhost/api/v1/events/stream?after={after}"), invoker, ct);
        }
        catch (WebSocketException ex)
        {
            // The upgrade failed: no daemon behind the socket, or one that is going away.
            throw FindNotRunning(ex) ?? new DaemonNotRunningException(client.Paths, ex);
        }

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
            catch (WebSocketException)
            {
                yield break; // the daemon went away
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

            // One JSON object per line: the events committed together travel in one message.
            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var e = JsonSerializer.Deserialize(line, AuroraJsonContext.Default.EventDto);
                if (e is { Seq: > 0 })
                {
                    yield return new StreamMessage(e, line);
                    continue;
                }

                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.TryGetProperty("type", out var type) && type.GetString() == "resync"
                    && doc.RootElement.TryGetProperty("last_seq", out var last))
                {
                    onResync(last.GetInt64());
                    yield break;
                }

                yield return new StreamMessage(null, line);
            }
        }
    }

    private static DaemonNotRunningException? FindNotRunning(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is DaemonNotRunningException nr)
            {
                return nr;
            }
        }

        return null;
    }
}
