using System.Globalization;

namespace Aurora.Bench.Store;

internal static class Percentiles
{
    public static double Of(List<double> sortedMs, double p) =>
        sortedMs.Count == 0 ? double.NaN : sortedMs[Math.Min(sortedMs.Count - 1, (int)Math.Ceiling(p / 100 * sortedMs.Count) - 1)];

    public static string Format(List<double> ms)
    {
        ms.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"p50 {Of(ms, 50),7:0.000} ms  p99 {Of(ms, 99),7:0.000} ms  max {ms[^1],7:0.000} ms");
    }
}
