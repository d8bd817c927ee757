using Aurora.Contracts.V1;
using Aurora.Daemon.Hosting;

namespace Aurora.Daemon.Entry;

/// The detached daemon's log (`aurora-daemon --log`, `aurora daemon --log`): one line per event from the daemon's start, as EventFeed
/// prints them, read from the runtime's own event log in this process. Not over the control API as a client: a
/// WebSocket client in the daemon loads OpenSSL (ClientWebSocket hashes its handshake key with SHA-1), about
/// 4 MB resident for as long as the daemon runs, to print lines it already has.
public static class DaemonLogFeed
{
    public static async Task PrintAsync(AuroraRuntime runtime, CancellationToken ct)
    {
        try
        {
            await foreach (var e in runtime.Events.FollowAsync(runtime.BootSeq, ct))
            {
                Console.Out.WriteLine(EventPrinter.Line(new EventDto(e.Seq, e.Time, e.Type, e.Service, e.Data)));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The daemon is stopping: its log ends with it.
        }
    }
}
