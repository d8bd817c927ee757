using System.Collections.Concurrent;
using Aurora.Core.Processes;

namespace Aurora.Core.Tests.Fakes;

/// A process that exits when the test says, when killed, or when stopped (with the stop signal). It records
/// every signal and every stop request.
internal sealed class FakeProcess(ProcessSpec spec, int pid, DateTimeOffset startedAt) : IRunningProcess
{
    private readonly TaskCompletionSource<ExitStatus> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ProcessSpec Spec { get; } = spec;

    public int Pid { get; } = pid;

    public long StartTicks => Pid * 10L;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public Task<ExitStatus> Exited => _exited.Task;

    public ConcurrentQueue<int> SignalsReceived { get; } = new();

    public ConcurrentQueue<(int Signal, TimeSpan Grace)> Stops { get; } = new();

    /// When set, a stop request throws it and leaves the process running (a cgroup write the kernel refused).
    public Exception? StopThrows { get; set; }

    public void Exit(int code) => _exited.TrySetResult(new ExitStatus(code, null));

    /// Like a real process with default handlers: SIGCONT and SIGSTOP leave it running, the others end it.
    public void Signal(int signal)
    {
        SignalsReceived.Enqueue(signal);
        if (signal is not (Signals.SIGCONT or Signals.SIGSTOP))
        {
            _exited.TrySetResult(new ExitStatus(null, signal));
        }
    }

    public Task<ExitStatus> StopAsync(int signal, TimeSpan grace, CancellationToken ct)
    {
        Stops.Enqueue((signal, grace));
        if (StopThrows is { } ex)
        {
            return Task.FromException<ExitStatus>(ex);
        }

        Signal(signal);
        return Exited;
    }
}
