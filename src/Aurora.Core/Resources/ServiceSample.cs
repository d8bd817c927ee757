namespace Aurora.Core.Resources;

/// One service's sample at one tick: CPU as % of one core over the last interval (one decimal), the RSS of its
/// whole process tree, and the tree's processes (not kept in the ring: 1 when read back from it).
public readonly record struct ServiceSample(string Name, int Pid, double CpuPercent, long MemoryBytes, int Processes = 1);
