using System.Globalization;

namespace Aurora.Core.Config.Parsing;

/// Sizes: a bare integer (bytes), `B`, `KiB MiB GiB TiB` (powers of 2) or `KB MB GB TB` (powers of 10).
internal static class SizeParser
{
    public const string AllowedForms =
        "use bytes or a number with KiB, MiB, GiB (powers of 2) or KB, MB, GB (powers of 10), e.g. 512KiB, 10MiB";

    private static readonly (string Unit, long Bytes)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("TB", 1_000_000_000_000), ("B", 1),
    ];

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var trimmed = text.Trim();
        var (number, multiplier) = Split(trimmed);
        if (number.Length == 0 || !char.IsAsciiDigit(number[0]) || !char.IsAsciiDigit(number[^1]) ||
            !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        var total = n * multiplier;
        if (total > long.MaxValue / 2 || total != decimal.Truncate(total))
        {
            return false;
        }

        bytes = (long)total;
        return true;
    }

    /// The largest binary unit that divides exactly: 1024 → 1KiB, 10485760 → 10MiB, 1500 → 1500B.
    public static string Format(long bytes)
    {
        foreach (var (unit, size) in Units.Take(4).Reverse())
        {
            if (bytes >= size && bytes % size == 0)
            {
                return (bytes / size).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture) + "B";
    }

    private static (string Number, long Multiplier) Split(string text)
    {
        foreach (var (unit, size) in Units)
        {
            if (text.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                return (text[..^unit.Length].TrimEnd(), size);
            }
        }

        // A bare number is bytes, and must be whole.
        return text.Contains('.') ? ("", 1) : (text, 1);
    }
}
