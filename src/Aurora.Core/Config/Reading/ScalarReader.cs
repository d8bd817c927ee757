using System.Globalization;
using Aurora.Core.Config.Parsing;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Reading;

/// Reads one scalar node as a typed value, reporting what was wrong and what is allowed.
/// Every method returns null after reporting, so callers fall back and carry on.
internal static class ScalarReader
{
    public static string? Text(YamlNode node, string path, DiagnosticBag bag, string expected = "a single value")
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        bag.Error(node.Start, path, $"expected {expected}, got {YamlNodes.Describe(node)}");
        return null;
    }

    public static bool? Bool(YamlNode node, string path, DiagnosticBag bag)
    {
        var text = Text(node, path, bag, "true or false");
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        bag.Error(node.Start, path, $"{YamlNodes.Quote(text)} is not allowed; use true or false");
        return null;
    }

    public static long? Integer(YamlNode node, string path, DiagnosticBag bag, long min, long max)
    {
        var text = Text(node, path, bag, "a whole number");
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            bag.Error(node.Start, path, $"{YamlNodes.Quote(text)} is not a whole number; {Range.Hint(min, max)}");
            return null;
        }

        return Range.Check(value, min, max, text, node, path, bag, v => v.ToString(CultureInfo.InvariantCulture));
    }

    public static double? Number(YamlNode node, string path, DiagnosticBag bag, double min, double max)
    {
        var text = Text(node, path, bag, "a number");
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            bag.Error(node.Start, path, $"{YamlNodes.Quote(text)} is not a number; {Range.Hint(min, max)}");
            return null;
        }

        return Range.Check(value, min, max, text, node, path, bag, v => v.ToString(CultureInfo.InvariantCulture));
    }

    public static TimeSpan? Duration(YamlNode node, string path, DiagnosticBag bag, TimeSpan min, TimeSpan max) =>
        Parsed<TimeSpan>(node, path, bag, "a duration", DurationParser.TryParse, DurationParser.AllowedForms, min, max, DurationParser.Format);

    public static long? Size(YamlNode node, string path, DiagnosticBag bag, long min, long max) =>
        Parsed<long>(node, path, bag, "a size", SizeParser.TryParse, SizeParser.AllowedForms, min, max, SizeParser.Format);

    private delegate bool TryParser<T>(string text, out T value);

    /// A scalar in a unit syntax (durations, sizes): parsed, then range-checked, each failure positioned.
    private static T? Parsed<T>(YamlNode node, string path, DiagnosticBag bag, string kind, TryParser<T> tryParse, string allowed,
        T min, T max, Func<T, string> format)
        where T : struct, IComparable<T>
    {
        var text = Text(node, path, bag, kind);
        if (text is null)
        {
            return null;
        }

        if (!tryParse(text, out var value))
        {
            bag.Error(node.Start, path, $"{YamlNodes.Quote(text)} is not {kind}; {allowed}");
            return null;
        }

        return Range.Check(value, min, max, text, node, path, bag, format);
    }

    /// One of a fixed set of spellings, e.g. restart policies.
    public static T? Choice<T>(YamlNode node, string path, DiagnosticBag bag, IReadOnlyList<(string Name, T Value)> options)
        where T : struct
    {
        var name = OneOf(node, path, bag, [.. options.Select(o => o.Name)]);
        return name is null ? null : options.First(o => o.Name == name).Value;
    }

    public static string? OneOf(YamlNode node, string path, DiagnosticBag bag, IReadOnlyList<string> names)
    {
        var text = Text(node, path, bag, "one of " + string.Join(", ", names));
        if (text is null || names.Contains(text))
        {
            return text;
        }

        var hint = EditDistance.Suggest(text, names) is { } s ? $" (did you mean `{s}`?)" : "";
        bag.Error(node.Start, path, $"{YamlNodes.Quote(text)} is not allowed; use one of: {string.Join(", ", names)}{hint}");
        return null;
    }
}
