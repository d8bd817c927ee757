namespace Aurora.Core.Diagnosis;

/// One victim of the kernel's OOM killer: its pid and command name, and the kernel's own line.
public sealed record OomKill(int Pid, string Command, string Line);
