using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Aurora.Porting.Import;

/// Reads a YAML source (Compose, process-compose) into its node tree, merge keys (`<<: *anchor`) applied, and reads
/// values out of it leniently: what is not of the expected shape is null.
public static class YamlTree
{
    public static YamlMappingNode Load(string text, string file)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
                ? Merged(root, 0)
                : throw new ImportException($"{Path.GetFileName(file)}: the document is not a mapping");
        }
        catch (YamlException e)
        {
            throw new ImportException($"{Path.GetFileName(file)}:{e.Start.Line}:{e.Start.Column}: {e.InnerException?.Message ?? e.Message}");
        }
    }

    /// Applies `<<: *anchor` (or a list of them): the anchored mapping's keys that the mapping does not set itself.
    /// YamlDotNet's MergingParser rejects a key set both ways (`<<: *base` then `depends_on:`), which Compose allows.
    private static YamlMappingNode Merged(YamlMappingNode map, int depth)
    {
        if (depth > 64)
        {
            return map;
        }

        var merge = new YamlScalarNode("<<");
        if (map.Children.TryGetValue(merge, out var sources))
        {
            map.Children.Remove(merge);
            var list = sources is YamlSequenceNode seq ? seq.Children.ToList() : [sources];
            foreach (var source in list.OfType<YamlMappingNode>())
            {
                foreach (var (key, value) in Merged(source, depth + 1).Children)
                {
                    map.Children.TryAdd(key, value);
                }
            }
        }

        foreach (var child in map.Children.Values.OfType<YamlMappingNode>().ToList())
        {
            Merged(child, depth + 1);
        }

        return map;
    }

    public static YamlNode? Get(YamlNode? map, string key) =>
        map is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode? Map(YamlNode? map, string key) => Get(map, key) as YamlMappingNode;

    public static string? Text(YamlNode? node) => node is YamlScalarNode { Value: { } v } s && !IsNull(s) ? v : null;

    public static string? Text(YamlNode? map, string key) => Text(Get(map, key));

    public static bool? Bool(YamlNode? map, string key) => Text(map, key)?.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => null,
    };

    public static double? Number(YamlNode? map, string key) =>
        double.TryParse(Text(map, key), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static int? Int(YamlNode? map, string key) =>
        int.TryParse(Text(map, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// A string or a list of strings, as a list (Compose's command, env_file, profiles…).
    public static List<string>? Strings(YamlNode? node) => node switch
    {
        YamlSequenceNode seq => [.. seq.Children.Select(Text).Where(t => t is not null).Select(t => t!)],
        YamlScalarNode s when Text(s) is { } t => [t],
        _ => null,
    };

    public static IEnumerable<(string Key, YamlNode Value)> Entries(YamlNode? map) =>
        map is YamlMappingNode m
            ? m.Children.Where(kv => kv.Key is YamlScalarNode { Value: not null }).Select(kv => (((YamlScalarNode)kv.Key).Value!, kv.Value))
            : [];

    private static bool IsNull(YamlScalarNode s) => s.Style is ScalarStyle.Plain && s.Value is "" or "~" or "null" or "Null" or "NULL";
}
