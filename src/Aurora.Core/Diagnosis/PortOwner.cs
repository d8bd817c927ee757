namespace Aurora.Core.Diagnosis;

/// Who listens on a TCP port: pid, argv and (when it is one of Aurora's) its AURORA_TAG.
public sealed record PortOwner(int Port, int Pid, IReadOnlyList<string> CommandLine, string? Tag)
{
    public string Describe() => $"port {Port} is held by pid {Pid} ({string.Join(' ', CommandLine)})";
}
