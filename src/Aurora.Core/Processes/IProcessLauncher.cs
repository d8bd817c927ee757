namespace Aurora.Core.Processes;

public interface IProcessLauncher
{
    /// Starts the process in a session and process group of its own.
    /// Throws ProcessSpawnException when it cannot be started (command not found, not executable, bad cwd).
    IRunningProcess Start(ProcessSpec spec);

    /// The same, for a launcher that waits on another process to spawn (the project's holder): no thread is held
    /// meanwhile, so 1,000 services starting at once are 1,000 requests in flight, not 1,000 blocked threads.
    Task<IRunningProcess> StartAsync(ProcessSpec spec) => Task.FromResult(Start(spec));
}

public interface IRunningProcess
{
    int Pid { get; }

    /// Identity of the process beyond its pid: start time in clock ticks since boot (/proc/PID/stat field 22).
    long StartTicks { get; }

    DateTimeOffset StartedAt { get; }

    /// Completes the moment the process is reaped; never faults.
    Task<ExitStatus> Exited { get; }

    /// Sends a signal to the whole process group (and to escaped descendants carrying the tag).
    void Signal(int signal);

    /// Graceful stop: signal the group, wait up to grace, then SIGKILL the group and every tagged
    /// descendant. Completes when the main process is reaped and no tagged descendant is left.
    Task<ExitStatus> StopAsync(int signal, TimeSpan grace, CancellationToken ct);
}

public sealed class ProcessSpawnException(string command, int errno, string message)
    : Exception($"cannot start '{command}': {message}")
{
    public string Command { get; } = command;

    public int Errno { get; } = errno;

    /// Shell-compatible exit code for this failure: 127 not found, 126 not executable.
    public int ExitCode => Errno == 2 ? 127 : 126;
}
