using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Reading;

/// Typed accessors: an absent or null key gives the fallback; a bad value is reported and
/// also gives the fallback, so reading always continues.
internal sealed partial class YamlMap
{
    public string? String(string key) =>
        Get(key) is { } n ? ScalarReader.Text(n, PathOf(key), Bag, "a string") : null;

    public bool Bool(string key, bool fallback) =>
        Get(key) is { } n ? ScalarReader.Bool(n, PathOf(key), Bag) ?? fallback : fallback;

    public int Int(string key, int fallback, int min, int max) =>
        Get(key) is { } n ? (int?)ScalarReader.Integer(n, PathOf(key), Bag, min, max) ?? fallback : fallback;

    public long Long(string key, long fallback, long min, long max) =>
        Get(key) is { } n ? ScalarReader.Integer(n, PathOf(key), Bag, min, max) ?? fallback : fallback;

    public double Number(string key, double fallback, double min, double max) =>
        Get(key) is { } n ? ScalarReader.Number(n, PathOf(key), Bag, min, max) ?? fallback : fallback;

    public TimeSpan Duration(string key, TimeSpan fallback, TimeSpan min, TimeSpan max) =>
        Get(key) is { } n ? ScalarReader.Duration(n, PathOf(key), Bag, min, max) ?? fallback : fallback;

    public long Size(string key, long fallback, long min, long max) =>
        Get(key) is { } n ? ScalarReader.Size(n, PathOf(key), Bag, min, max) ?? fallback : fallback;

    public T Choice<T>(string key, T fallback, IReadOnlyList<(string Name, T Value)> options)
        where T : struct =>
        Get(key) is { } n ? ScalarReader.Choice(n, PathOf(key), Bag, options) ?? fallback : fallback;

    public YamlMap? Map(string key, IReadOnlyList<string>? allowedKeys) =>
        Open(Get(key), PathOf(key), Bag, allowedKeys);

    /// The items of a list with their paths; null (after reporting) when the value is not a list.
    public IReadOnlyList<(YamlNode Node, string Path)>? List(string key)
    {
        var node = Get(key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Bag.Error(node.Start, PathOf(key), $"expected a list, got {YamlNodes.Describe(node)}");
            return null;
        }

        return [.. sequence.Children.Select((item, i) => (item, KeyPath.Item(PathOf(key), i)))];
    }
}
