using System.Globalization;
using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Insights;

/// Proposed values are rounded up to what a person would write (12s, not 11.7s; 768MiB, not 731.4MiB), and
/// figures in evidence are told the way the issue tells them: "6–9 s".
public static class InsightValues
{
    public static string Duration(TimeSpan t) => DurationParser.Format(t);

    public static string Size(long bytes) => SizeParser.Format(bytes);

    /// Up to the next step: 100 ms below 2 s, whole seconds below 20 s, 5 s below 2 min, then whole minutes.
    public static TimeSpan RoundUp(TimeSpan t)
    {
        var ms = Math.Max(t.TotalMilliseconds, 1);
        var step = ms < 2_000 ? 100 : ms < 20_000 ? 1_000 : ms < 120_000 ? 5_000 : 60_000;
        return TimeSpan.FromMilliseconds(Math.Ceiling(ms / step) * step);
    }

    /// Up to a multiple of 64 MiB (of 16 MiB below 256 MiB).
    public static long RoundUpSize(long bytes)
    {
        const long MiB = 1024 * 1024;
        var step = bytes < 256 * MiB ? 16 * MiB : 64 * MiB;
        return Math.Max(step, (bytes + step - 1) / step * step);
    }

    /// Seconds with one decimal at most, as a range when the ends differ: "6–9 s", "1.4 s", "0.6–1.7 s".
    public static string Seconds(TimeSpan low, TimeSpan high)
    {
        string S(TimeSpan t) => t.TotalSeconds.ToString(t.TotalSeconds >= 10 ? "0" : "0.#", CultureInfo.InvariantCulture);
        return S(low) == S(high) ? $"{S(low)} s" : $"{S(low)}–{S(high)} s";
    }

    /// A span as hours and minutes, or minutes and seconds, or seconds: "3h 12m", "4m 10s", "14s".
    public static string Span(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h {t.Minutes}m"
        : t.TotalMinutes >= 1 ? $"{t.Minutes}m {t.Seconds}s"
        : t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0}s" : $"{t.TotalMilliseconds:0}ms";

    public static string MiB(long bytes) => (bytes / (1024.0 * 1024)).ToString(bytes < 10L * 1024 * 1024 ? "0.#" : "0", CultureInfo.InvariantCulture) + "MiB";
}
