using System.Collections.Concurrent;
using Aurora.Core.Processes;

namespace Aurora.Core.Tests.Fakes;

/// A process that exits when the test says, when killed, or when stopped (with the stop signal). It records
/// every signal and every stop request. With ignoresStop (and a clock), a stop waits out its grace period on
/// that clock and then kills, as a real stop of a process that ignores SIGTERM does.
internal sealed class FakeProcess(ProcessSpec spec, int pid, DateTimeOffset startedAt, TimeProvider? time = null, bool ignoresStop = false)
    : IRunningProcess
{
    private readonly TaskCompletionSource<ExitStatus> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _graceStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ProcessSpec Spec { get; } = spec;

    public int Pid { get; } = pid;

    public long StartTicks => Pid * 10L;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public Task<ExitStatus> Exited => _exited.Task;

    public ConcurrentQueue<int> SignalsReceived { get; } = new();

    public ConcurrentQueue<(int Signal, TimeSpan Grace)> Stops { get; } = new();

    /// When set, a stop request throws it and leaves the process running (a cgroup write the kernel refused).
    public Exception? StopThrows { get; set; }

    /// Completes when a stop has begun waiting out its grace period (ignoresStop): advancing the clock now ends it.
    public Task GraceStarted => _graceStarted.Task;

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

        if (ignoresStop && time is not null && signal != Signals.SIGKILL)
        {
            return StopIgnoredAsync(signal, grace, time);
        }

        Signal(signal);
        return Exited;
    }

    private async Task<ExitStatus> StopIgnoredAsync(int signal, TimeSpan grace, TimeProvider clock)
    {
        SignalsReceived.Enqueue(signal);
        var graceOver = Task.Delay(grace, clock);
        _graceStarted.TrySetResult();
        await graceOver;
        Signal(Signals.SIGKILL);
        return await Exited;
    }
}
