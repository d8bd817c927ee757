namespace Aurora.Layout;

public sealed class DaemonAlreadyRunningException(string projectDirectory, int? pid)
    : Exception($"an Aurora daemon is already running for {projectDirectory}{(pid is { } p ? $" (pid {p})" : "")}; use `aurora status`, or `aurora down` first")
{
    public int? Pid { get; } = pid;
}
