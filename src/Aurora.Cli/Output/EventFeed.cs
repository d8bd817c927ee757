using Aurora.Core.Events;
using Aurora.Daemon.Hosting;

namespace Aurora.Cli.Output;

/// Prints the daemon's events, one line each, as they are committed (the foreground `up` view).
internal static class EventFeed
{
    public static async Task PrintAsync(AuroraRuntime runtime, CancellationToken ct)
    {
        var after = runtime.BootSeq;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await foreach (var e in runtime.Events.WatchAsync(after, ct))
                {
                    Console.Out.WriteLine(EventPrinter.Line(new(e.Seq, e.Time, e.Type, e.Service, e.Data)));
                    after = e.Seq;
                }

                return;
            }
            catch (EventStreamOverflowException overflow)
            {
                after = overflow.LastSeq;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
