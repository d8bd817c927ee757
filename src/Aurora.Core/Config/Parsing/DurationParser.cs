using System.Globalization;

namespace Aurora.Core.Config.Parsing;

/// Durations as written in aurora.yaml: `250ms 5s 2m 1h 1d`, decimals allowed (`1.5s`), and a bare `0`.
internal static class DurationParser
{
    public const string AllowedForms = "use a number with ms, s, m, h or d (e.g. 500ms, 30s)";

    private static readonly (string Unit, double Milliseconds)[] Units =
        [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)];

    // Far beyond any sensible setting, and well inside TimeSpan's range.
    private static readonly double MaxMilliseconds = TimeSpan.FromDays(36_500).TotalMilliseconds;

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (text == "0")
        {
            return true;
        }

        // Longest unit first, so "5ms" is not read as "5m" followed by "s".
        foreach (var (unit, ms) in Units.OrderByDescending(u => u.Unit.Length))
        {
            if (!text.EndsWith(unit, StringComparison.Ordinal))
            {
                continue;
            }

            var number = text[..^unit.Length];
            if (!IsPlainDecimal(number) ||
                !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ||
                n * ms > MaxMilliseconds)
            {
                return false;
            }

            value = TimeSpan.FromMilliseconds(Math.Round(n * ms, 3));
            return true;
        }

        return false;
    }

    /// In the largest unit that divides exactly: 100ms, 1500ms, 30s, 15m, 1h, 30d.
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var ms = value.TotalMilliseconds;
        foreach (var (unit, size) in Units.Reverse())
        {
            if (ms >= size && ms % size == 0)
            {
                return (ms / size).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        // Sub-millisecond remainders only come from decimals like 0.0005s.
        return ms.ToString(CultureInfo.InvariantCulture) + "ms";
    }

    private static bool IsPlainDecimal(string s) =>
        s.Length > 0 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[^1]) &&
        s.All(c => char.IsAsciiDigit(c) || c == '.') && s.Count(c => c == '.') <= 1;
}
