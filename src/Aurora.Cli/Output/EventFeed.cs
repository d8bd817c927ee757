using Aurora.Cli.Client;
using Aurora.Layout;

namespace Aurora.Cli.Output;

/// The foreground `up` view: a client of the control API like any other (the detached daemon logs with DaemonLogFeed). On a
/// terminal, a live per-service view until the stack has settled (or a minute has passed), then one line per
/// event; elsewhere, one line per event from the daemon's start.
internal static class EventFeed
{
    public static async Task PrintAsync(DaemonPaths paths, long bootSeq, CancellationToken ct)
    {
        using var client = new ControlClient(paths, Timeout.InfiniteTimeSpan);
        var view = ProgressView.Enabled ? await ServiceView.ReadAsync(client, ct) : null;
        var progress = view is null ? null : new ProgressView();
        var started = TimeProvider.System.GetTimestamp();
        if (progress is not null && Settle(progress, view!, started))
        {
            progress = null;
        }

        try
        {
            await foreach (var m in EventStream.FollowAsync(client, view?.Seq ?? bootSeq, ct))
            {
                if (m.Event is not { } e)
                {
                    continue;
                }

                if (progress is null)
                {
                    Console.Out.WriteLine(EventPrinter.Line(e));
                }
                else if (view!.Apply(e) && Settle(progress, view, started))
                {
                    progress = null;
                }
            }
        }
        catch (DaemonNotRunningException)
        {
            // The daemon is stopping: its feed ends with it.
        }
    }

    /// Redraws the bring-up view; true once it is done (everything settled, or a minute passed).
    private static bool Settle(ProgressView progress, ServiceView view, long started)
    {
        var rows = view.Rows.Select(s => new ProgressRow(s.Name, s.State, s.Reason, s.Pid, s.LastCause)).ToList();
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        if (!progress.Draw(rows) && elapsed < TimeSpan.FromMinutes(1))
        {
            return false;
        }

        Console.Out.WriteLine($"aurora: {rows.Count} services up in {elapsed.TotalSeconds:0.0} s; events follow (Ctrl-C stops everything)");
        return true;
    }
}
