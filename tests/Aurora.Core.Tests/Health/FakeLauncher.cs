using Aurora.Core.Processes;

namespace Aurora.Core.Tests.Health;

/// Records what it was asked to start; each process exits when the test says, or when stopped.
internal sealed class FakeLauncher : IProcessLauncher
{
    private readonly Lock _gate = new();
    private readonly List<FakeProcess> _started = [];

    public Exception? StartThrows { get; set; }

    public IReadOnlyList<FakeProcess> Started
    {
        get
        {
            lock (_gate)
            {
                return [.. _started];
            }
        }
    }

    public TaskCompletionSource<FakeProcess> NextStart { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IRunningProcess Start(ProcessSpec spec)
    {
        if (StartThrows is { } ex)
        {
            throw ex;
        }

        var process = new FakeProcess(spec, 1000 + Started.Count);
        TaskCompletionSource<FakeProcess> started;
        lock (_gate)
        {
            _started.Add(process);
            started = NextStart;
            NextStart = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        started.SetResult(process);
        return process;
    }
}
