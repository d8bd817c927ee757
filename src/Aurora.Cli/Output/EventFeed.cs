using Aurora.Core.Events;
using Aurora.Core.Supervision;
using Aurora.Daemon.Hosting;

namespace Aurora.Cli.Output;

/// Prints the daemon's events, one line each, as they are committed (the foreground `up` view).
internal static class EventFeed
{
    /// On a terminal: a live per-service view until the stack has settled (or a minute has passed),
    /// then the event log carries on from there.
    private static async Task<long> ShowBringUpAsync(AuroraRuntime runtime, CancellationToken ct)
    {
        var changed = new SemaphoreSlim(0);
        void OnChange(ServiceChange _) => changed.Release();
        runtime.States.Published += OnChange;
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            var view = new ProgressView();
            while (!ct.IsCancellationRequested && TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromMinutes(1))
            {
                var rows = runtime.Orchestrator.Services.Select(s => s.Snapshot)
                    .Select(s => new ProgressRow(s.Name, s.State.ToWire(), s.Reason, s.Pid, s.LastCause)).ToList();
                if (view.Draw(rows))
                {
                    Console.Out.WriteLine($"aurora: {rows.Count} services up in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s; events follow (Ctrl-C stops everything)");
                    break;
                }

                // Redraw on every change, and at least every 100 ms for the elapsed times.
                await changed.WaitAsync(TimeSpan.FromMilliseconds(100), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            runtime.States.Published -= OnChange;
        }

        return runtime.Events.LastCommittedSeq;
    }

    public static async Task PrintAsync(AuroraRuntime runtime, CancellationToken ct)
    {
        var after = runtime.BootSeq;
        if (ProgressView.Enabled)
        {
            after = await ShowBringUpAsync(runtime, ct);
        }

        await foreach (var e in runtime.Events.FollowAsync(after, ct))
        {
            Console.Out.WriteLine(EventPrinter.Line(new(e.Seq, e.Time, e.Type, e.Service, e.Data)));
        }
    }
}
