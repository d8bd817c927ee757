using System.Collections.Concurrent;
using Aurora.Core.Processes;

namespace Aurora.Core.Tests.Fakes;

/// Records what it was asked to start and hands out FakeProcesses the test ends as it likes.
internal sealed class FakeLauncher(TimeProvider? time = null) : IProcessLauncher
{
    private readonly Lock _gate = new();
    private int _nextPid = 1000;

    public ConcurrentQueue<(ProcessSpec Spec, FakeProcess Process)> Started { get; } = new();

    /// Commands that are "not on PATH": starting one fails as a real spawn would (exit 127).
    public HashSet<string> Missing { get; } = [];

    /// When set, the processes started from now on ignore their stop signal: a stop waits out its grace period on
    /// the launcher's clock, then kills (FakeProcess).
    public bool IgnoreStopSignal { get; set; }

    /// When set, every start throws it.
    public Exception? StartThrows { get; set; }

    /// Completes with the next process started (take it before the start can happen).
    public TaskCompletionSource<FakeProcess> NextStart { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IRunningProcess Start(ProcessSpec spec)
    {
        if (StartThrows is { } ex)
        {
            throw ex;
        }

        if (Missing.Contains(spec.Argv[0]))
        {
            throw new ProcessSpawnException(spec.Argv[0], 2, "command not found");
        }

        var process = new FakeProcess(spec, Interlocked.Increment(ref _nextPid), time?.GetUtcNow() ?? DateTimeOffset.UnixEpoch, time,
            IgnoreStopSignal);
        TaskCompletionSource<FakeProcess> started;
        lock (_gate)
        {
            Started.Enqueue((spec, process));
            started = NextStart;
            NextStart = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        started.SetResult(process);
        return process;
    }

    /// The newest process of a service (by its AURORA_TAG, "project/service").
    public FakeProcess Last(string service) =>
        Started.Last(s => s.Spec.Tag!.EndsWith("/" + service, StringComparison.Ordinal)).Process;

    public int Count(string service) => Started.Count(s => s.Spec.Tag!.EndsWith("/" + service, StringComparison.Ordinal));
}
