namespace Aurora.Porting.Yaml;

/// A sequence, written in block style (`- item`), or `[]` when empty.
public sealed class YamlList(IEnumerable<YamlNode>? items = null) : YamlNode
{
    private readonly List<YamlNode> _items = [.. items ?? []];

    public IReadOnlyList<YamlNode> Items => _items;

    public YamlList Add(YamlNode item)
    {
        _items.Add(item);
        return this;
    }
}
