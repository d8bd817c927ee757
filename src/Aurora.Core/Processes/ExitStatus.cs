namespace Aurora.Core.Processes;

/// How a process ended: an exit code, or the signal that killed it.
public sealed record ExitStatus(int? ExitCode, int? Signal)
{
    public bool Success => ExitCode == 0;

    public string? SignalName => Signal is { } s ? Signals.Name(s) : null;

    public override string ToString() => Signal is not null ? $"killed by {SignalName}" : $"exit code {ExitCode}";
}
