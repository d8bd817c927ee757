namespace Aurora.Core.Processes;

/// Reads of /proc shared by everyone stopping a service at the same time. Finding what is left of a service
/// (its group, and every process carrying its tag) means reading every process's stat and environment; a stop
/// did that four times, so `aurora down` at 1,000 services read /proc about 4,000 times over (millions of
/// files, over a minute of CPU). Now a caller gets a scan that began after it asked — the one queued to
/// start next, which everyone asking meanwhile joins — so concurrent stops share one read per round.
internal sealed class ProcessScans(Func<ProcessScan> read)
{
    public static ProcessScans Shared { get; } = new(ProcessScan.ReadNow);

    private readonly Lock _gate = new();
    private TaskCompletionSource<ProcessScan>? _queued;
    private bool _reading;

    /// A scan that begins after this call (never one already under way, which could miss what the caller did
    /// just before asking, such as a kill).
    public Task<ProcessScan> FreshAsync()
    {
        lock (_gate)
        {
            if (_queued is { } queued)
            {
                return queued.Task;
            }

            var next = _queued = new TaskCompletionSource<ProcessScan>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_reading)
            {
                _reading = true;
                _ = Task.Run(ReadQueued);
            }

            return next.Task;
        }
    }

    /// Reads while someone is waiting: each round takes every caller queued so far.
    private void ReadQueued()
    {
        while (true)
        {
            TaskCompletionSource<ProcessScan> round;
            lock (_gate)
            {
                if (_queued is null)
                {
                    _reading = false;
                    return;
                }

                round = _queued;
                _queued = null;
            }

            try
            {
                round.TrySetResult(read());
            }
            catch (Exception ex)
            {
                round.TrySetException(ex);
            }
        }
    }
}
