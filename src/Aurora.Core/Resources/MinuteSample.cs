namespace Aurora.Core.Resources;

/// One service's resource use over one minute (UTC, starting at Minute): min, mean and max of its samples.
public sealed record MinuteSample(
    string Service,
    DateTimeOffset Minute,
    double CpuMin,
    double CpuAvg,
    double CpuMax,
    long MemMin,
    long MemAvg,
    long MemMax)
{
    /// Two partial aggregates of the same service and minute (a daemon that stopped and started again within
    /// it): the extremes of both, and the mean of the two means (the sample counts are not kept).
    public MinuteSample Merge(MinuteSample other) => this with
    {
        CpuMin = Math.Min(CpuMin, other.CpuMin),
        CpuAvg = (CpuAvg + other.CpuAvg) / 2,
        CpuMax = Math.Max(CpuMax, other.CpuMax),
        MemMin = Math.Min(MemMin, other.MemMin),
        MemAvg = (MemAvg + other.MemAvg) / 2,
        MemMax = Math.Max(MemMax, other.MemMax),
    };
}
