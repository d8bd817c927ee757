using System.CommandLine;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Cli.Output;
using Aurora.Contracts.V1;

namespace Aurora.Cli.Commands;

/// `aurora events [-f] [--json] [--after SEQ]`
internal static class EventsCommand
{
    public static Command Create()
    {
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new events" };
        var after = new Option<long>("--after") { Description = "Only events with a seq above this" };
        var command = new Command("events", "The event stream: stored events, then (with -f) live ones") { follow, after, CliOptions.Json };
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            using var client = new ControlClient(ProjectLocator.Paths(parse), Timeout.InfiniteTimeSpan);
            var json = parse.GetValue(CliOptions.Json);
            var last = parse.GetValue(after);
            if (!parse.GetValue(follow))
            {
                while (true)
                {
                    var page = await client.GetAsync($"/api/v1/events?after={last}&limit=10000", AuroraJsonContext.Default.EventListDto, ct);
                    foreach (var e in page.Events)
                    {
                        Print(e, json);
                        last = e.Seq;
                    }

                    if (page.Events.Count < 10000)
                    {
                        return ExitCodes.Ok;
                    }
                }
            }

            await FollowAsync(client, last, json, ct);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// Follows the WebSocket stream; when the daemon says this client fell behind ("resync"), reconnects
    /// from the last seq it printed, so nothing is missed and nothing printed twice.
    private static async Task FollowAsync(ControlClient client, long after, bool json, CancellationToken ct)
    {
        while (await FollowOnceAsync(client, after, json, ct) is { } resumeAfter)
        {
            after = resumeAfter;
        }
    }

    /// Returns the seq to resume after when told to resync, or null when the stream ended.
    private static async Task<long?> FollowOnceAsync(ControlClient client, long after, bool json, CancellationToken ct)
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
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var r = await socket.ReceiveAsync(buffer, ct);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                var e = JsonSerializer.Deserialize(text, AuroraJsonContext.Default.EventDto);
                if (e is not { Seq: > 0 })
                {
                    using var doc = JsonDocument.Parse(text);
                    if (doc.RootElement.TryGetProperty("last_seq", out var last))
                    {
                        return last.GetInt64();
                    }

                    continue;
                }

                Console.Out.WriteLine(json ? text : EventPrinter.Line(e));
                after = e.Seq;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (WebSocketException)
        {
            // The daemon went away.
        }

        return null;
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

    private static void Print(EventDto e, bool json) => Console.Out.WriteLine(
        json ? JsonSerializer.Serialize(e, AuroraJsonContext.Default.EventDto) : EventPrinter.Line(e));
}
