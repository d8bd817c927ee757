namespace Aurora.Core.Resources;

/// What one process tree uses at a moment: CPU time so far (clock ticks, USER_HZ), resident memory, and how many
/// processes it has (limits.pids by sampling).
public readonly record struct TreeUsage(long CpuTicks, long RssBytes, int Processes = 1);
