namespace Aurora.Core.Resources;

/// What one process tree uses at a moment: CPU time so far (clock ticks, USER_HZ) and resident memory.
public readonly record struct TreeUsage(long CpuTicks, long RssBytes);
