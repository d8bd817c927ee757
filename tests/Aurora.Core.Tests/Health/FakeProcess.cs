using Aurora.Core.Processes;

namespace Aurora.Core.Tests.Health;

/// A process that exits when the test says, or when stopped (with the stop signal).
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
