namespace Aurora.Core.Resources;

/// CPU time as a percentage of one core.
public static class CpuMath
{
    /// USER_HZ: the unit of the CPU times in /proc/PID/stat, 100 on every Linux architecture.
    public const double TicksPerSecond = 100;

    /// `ticks` of CPU time used over `elapsed`, as % of one core (more than 100 for a tree using several cores),
    /// rounded to one decimal. A negative delta (a child exited with its time, unreaped by the tree) counts as 0.
    public static double Percent(long ticks, TimeSpan elapsed) =>
        elapsed <= TimeSpan.Zero ? 0 : Math.Round(Math.Max(0, ticks) / TicksPerSecond / elapsed.TotalSeconds * 100, 1);
}
