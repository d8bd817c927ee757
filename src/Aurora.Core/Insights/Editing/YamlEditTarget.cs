using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Insights.Editing;

/// Where a key path stands in one file: the value node when the whole path is there; else the deepest mapping
/// on the path and the keys still missing under it; or Blocked when a node on the path is not a mapping (a
/// scalar, `null`, a list) so nothing can go under it.
internal sealed record YamlEditTarget(YamlNode? Value, YamlMappingNode? Parent, ImmutableArray<string> Missing, string? Blocked)
{
    public bool Found => Value is not null;

    /// How many of the path's keys exist in the file.
    public int Depth(int pathLength) => Found ? pathLength : Parent is null ? 0 : pathLength - Missing.Length;

    public static YamlEditTarget Find(YamlNode root, IReadOnlyList<string> path)
    {
        YamlNode node = root;
        YamlMappingNode? parent = null;
        for (var i = 0; i < path.Count; i++)
        {
            var key = path[i];
            switch (node)
            {
                case YamlMappingNode map:
                    parent = map;
                    var child = map.Children.FirstOrDefault(p => p.Key is YamlScalarNode k && k.Value == key).Value;
                    if (child is null)
                    {
                        return new YamlEditTarget(null, map, [.. path.Skip(i)], null);
                    }

                    node = child;
                    break;
                case YamlSequenceNode list when int.TryParse(key, out var index):
                    if (index >= list.Children.Count)
                    {
                        return new YamlEditTarget(null, null, [.. path.Skip(i)], $"has no item {index}");
                    }

                    node = list.Children[index];
                    break;
                default:
                    return new YamlEditTarget(null, null, [.. path.Skip(i)], $"{string.Join('.', path.Take(i))} is {Describe(node)}, not a mapping");
            }

            // An anchored node is shared by every alias of it (`*name` is a copy where it stands): an edit there
            // would change the other uses too.
            if (!node.Anchor.IsEmpty)
            {
                return new YamlEditTarget(null, null, [.. path.Skip(i + 1)],
                    $"{string.Join('.', path.Take(i + 1))} is shared through the anchor &{node.Anchor}; edit it by hand");
            }
        }

        return new YamlEditTarget(node, parent, [], null);
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s when string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" => "null",
        YamlScalarNode s => $"\"{s.Value}\"",
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };
}
