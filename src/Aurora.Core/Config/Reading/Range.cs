using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Reading;

/// Bounds checks with messages in the units the user wrote: `"2h" must be between 0s and 1h`.
internal static class Range
{
    public static T? Check<T>(T value, T min, T max, string text, YamlNode node, string path, DiagnosticBag bag, Func<T, string> format)
        where T : struct, IComparable<T>
    {
        if (value.CompareTo(min) >= 0 && value.CompareTo(max) <= 0)
        {
            return value;
        }

        var rule = IsUnbounded(max)
            ? $"must be at least {format(min)}"
            : $"must be between {format(min)} and {format(max)}";
        bag.Error(node.Start, path, $"{YamlNodes.Quote(text)} {rule}");
        return null;
    }

    /// "use 1 to 65535" or "use 1 or more", for values that did not even parse.
    public static string Hint<T>(T min, T max)
        where T : struct, IFormattable =>
        IsUnbounded(max)
            ? $"use {min.ToString(null, CultureInfo.InvariantCulture)} or more"
            : $"use {min.ToString(null, CultureInfo.InvariantCulture)} to {max.ToString(null, CultureInfo.InvariantCulture)}";

    private static bool IsUnbounded<T>(T max) => max switch
    {
        long l => l == long.MaxValue,
        int i => i == int.MaxValue,
        double d => double.IsPositiveInfinity(d) || d == double.MaxValue,
        TimeSpan t => t == TimeSpan.MaxValue,
        _ => false,
    };
}
