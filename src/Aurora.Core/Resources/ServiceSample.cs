namespace Aurora.Core.Resources;

/// One service's sample at one tick: CPU as % of one core over the last interval (one decimal), and the RSS
/// of its whole process tree.
public readonly record struct ServiceSample(string Name, int Pid, double CpuPercent, long MemoryBytes);
