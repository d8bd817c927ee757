using System.Globalization;
using System.Text.RegularExpressions;

namespace Aurora.Porting.Import.Compose;

/// Compose's value formats: durations as Go writes them (`1m30s`, `10s`, `500ms`, `1h`), byte sizes (`512m`, `1g`,
/// `300M`, `1gb`, a bare number of bytes), CPU counts (`0.5`).
public static partial class ComposeValues
{
    public static TimeSpan? Duration(string? text)
    {
        if (text is null || !GoDuration().IsMatch(text))
        {
            return null;
        }

        var total = 0.0;
        foreach (Match part in DurationPart().Matches(text))
        {
            var n = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            total += n * part.Groups["unit"].Value switch
            {
                "ns" => 1e-6,
                "us" or "µs" => 1e-3,
                "ms" => 1,
                "s" => 1_000,
                "m" => 60_000,
                _ => 3_600_000,
            };
        }

        return TimeSpan.FromMilliseconds(Math.Round(total));
    }

    /// Docker's units are binary: 1k = 1024 bytes.
    public static long? Bytes(string? text)
    {
        var m = text is null ? null : Size().Match(text.Trim());
        if (m is not { Success: true } || !double.TryParse(m.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var unit = m.Groups["unit"].Value.ToLowerInvariant().TrimEnd('b', 'i');
        var factor = unit switch
        {
            "" => 1L,
            "k" => 1L << 10,
            "m" => 1L << 20,
            "g" => 1L << 30,
            "t" => 1L << 40,
            _ => 0L,
        };
        return factor == 0 ? null : (long)(n * factor);
    }

    [GeneratedRegex(@"^(?:[0-9]+(?:\.[0-9]+)?(?:ns|us|µs|ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex GoDuration();

    [GeneratedRegex(@"(?<n>[0-9]+(?:\.[0-9]+)?)(?<unit>ns|us|µs|ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPart();

    [GeneratedRegex(@"^(?<n>[0-9]+(?:\.[0-9]+)?)\s*(?<unit>[kKmMgGtT]?(?:i?[bB])?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Size();
}
