using System.Globalization;

namespace Aurora.Porting.Yaml;

/// Values as aurora.yaml writes them (SPEC §3): durations in one unit (`250ms 5s 2m 1h 1d`, the largest unit that
/// divides exactly), sizes in binary units (`512MiB`), and text that Aurora must not interpolate (`$` doubled).
public static class AuroraValues
{
    private static readonly (string Unit, long Milliseconds)[] DurationUnits =
        [("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1)];

    private static readonly (string Unit, long Bytes)[] SizeUnits = [("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10)];

    public static string Duration(TimeSpan value)
    {
        var ms = (long)Math.Round(value.TotalMilliseconds);
        if (ms <= 0)
        {
            return "0s";
        }

        var (unit, size) = DurationUnits.First(u => ms % u.Milliseconds == 0);
        return (ms / size).ToString(CultureInfo.InvariantCulture) + unit;
    }

    public static string Size(long bytes)
    {
        foreach (var (unit, size) in SizeUnits)
        {
            if (bytes >= size && bytes % size == 0)
            {
                return (bytes / size).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture) + "B";
    }

    /// Text taken literally: every `$` doubled, so Aurora's `${VAR}` interpolation leaves it as it is.
    public static string Literal(string text) => text.Replace("$", "$$", StringComparison.Ordinal);
}
