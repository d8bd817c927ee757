namespace Aurora.Core.Resources;

/// One sample of one service as the ring keeps it.
public readonly record struct ResourcePoint(long UnixMs, double CpuPercent, long MemoryBytes);
