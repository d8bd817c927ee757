using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Reading;

/// Small facts about representation-model nodes that every reader needs.
internal static class YamlNodes
{
    /// `key:`, `key: ~` and `key: null` all mean "not set"; a quoted "" does not.
    public static bool IsNull(YamlNode? node) =>
        node is null || (node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s && IsNullText(s.Value));

    /// What a plain scalar spells to mean null.
    public static bool IsNullText(string? text) => text is null or "" or "~" or "null" or "Null" or "NULL";

    /// How a wrong value is shown: the scalar itself, quoted, or the kind of collection.
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => Quote(s.Value ?? ""),
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an unsupported value",
    };

    public static string Quote(string text)
    {
        var shown = text.Length > 60 ? text[..60] + "…" : text;
        return "\"" + shown.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
