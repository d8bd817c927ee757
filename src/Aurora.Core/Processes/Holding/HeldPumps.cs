using System.Collections.Concurrent;
using System.Net.Sockets;

namespace Aurora.Core.Processes.Holding;

/// The output pumps this daemon runs for held services, so that a daemon handing over to the next can let go of
/// every output descriptor with nothing read and left unwritten: what it read is in the log, what it did not is
/// still in the pipe, for the holder and then the next daemon.
internal static class HeldPumps
{
    private static readonly ConcurrentDictionary<Task, Socket> Running = new();

    public static void Start(int fd, IOutputSink sink)
    {
        var pump = OutputPump.Start(fd, sink, out var socket);
        Running[pump] = socket;
        pump.ContinueWith(t => Running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public static async Task LetGoAsync()
    {
        foreach (var (pump, socket) in Running)
        {
            socket.Dispose();
            await pump.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
