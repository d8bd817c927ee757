namespace Aurora.Core.Limits;

/// `limits.cpu` (% of one core) as a CFS quota per period: 90% is 90000 µs of every 100000 µs; 150% is 150000.
public static class CpuQuota
{
    public const long Period = 100_000;

    public static long Of(double percent) => Math.Max(1000, (long)Math.Round(percent / 100 * Period));
}
