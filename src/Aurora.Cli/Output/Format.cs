using System.Globalization;

namespace Aurora.Cli.Output;

internal static class Format
{
    public static string Duration(long? ms) => ms switch
    {
        null => "-",
        < 1000 => $"{ms}ms",
        < 60_000 => $"{ms / 1000}s",
        < 3_600_000 => $"{ms / 60_000}m{ms % 60_000 / 1000:00}s",
        < 86_400_000 => $"{ms / 3_600_000}h{ms % 3_600_000 / 60_000:00}m",
        _ => $"{ms / 86_400_000}d{ms % 86_400_000 / 3_600_000}h",
    };

    public static string Bytes(long? bytes) => bytes switch
    {
        null => "-",
        < 1024 => $"{bytes}B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#}KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#}MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:0.##}GiB"),
    };

    public static string Percent(double? p) => p is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.0}%") : "-";
}
