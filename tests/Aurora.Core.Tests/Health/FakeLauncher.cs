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

internal sealed class FakeProcess(ProcessSpec spec, int pid) : IRunningProcess
{
    private readonly TaskCompletionSource<ExitStatus> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ProcessSpec Spec { get; } = spec;

    public int Pid { get; } = pid;

    public long StartTicks => 0;

    public DateTimeOffset StartedAt => DateTimeOffset.UnixEpoch;

    public Task<ExitStatus> Exited => _exited.Task;

    public List<(int Signal, TimeSpan Grace)> Stops { get; } = [];

    public void Exit(int code) => _exited.TrySetResult(new ExitStatus(code, null));

    public void Signal(int signal) => _exited.TrySetResult(new ExitStatus(null, signal));

    public Task<ExitStatus> StopAsync(int signal, TimeSpan grace, CancellationToken ct)
    {
        Stops.Add((signal, grace));
        Signal(signal);
        return Exited;
    }
}
