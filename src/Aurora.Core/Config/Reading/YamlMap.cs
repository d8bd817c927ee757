using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Reading;

/// A mapping with its key path and source positions. Keys outside the allowed set are reported
/// once, when the map is opened, with a "did you mean" hint; readers then just ask for keys.
internal sealed partial class YamlMap
{
    private readonly List<KeyValuePair<YamlScalarNode, YamlNode>> _entries = [];
    private readonly HashSet<string> _suggested = [];

    private YamlMap(YamlMappingNode node, string path, DiagnosticBag bag)
    {
        Node = node;
        Path = path;
        Bag = bag;
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public DiagnosticBag Bag { get; }

    public IReadOnlyList<KeyValuePair<YamlScalarNode, YamlNode>> Entries => _entries;

    /// Null when the node is absent, null, or not a mapping (the last is reported).
    /// allowedKeys null means free-form keys (env, services, depends_on).
    public static YamlMap? Open(YamlNode? node, string path, DiagnosticBag bag, IReadOnlyList<string>? allowedKeys)
    {
        if (YamlNodes.IsNull(node))
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            bag.Error(node!.Start, path, $"expected a mapping (key: value), got {YamlNodes.Describe(node)}");
            return null;
        }

        var map = new YamlMap(mapping, path, bag);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode scalarKey || scalarKey.Value is null)
            {
                bag.Error(key.Start, path, "keys must be plain names, not lists or mappings");
                continue;
            }

            if (allowedKeys is not null && !allowedKeys.Contains(scalarKey.Value))
            {
                var (message, suggestion) = UnknownKey.Describe(scalarKey.Value, allowedKeys);
                bag.Error(key.Start, KeyPath.Child(path, scalarKey.Value), message);
                if (suggestion is not null)
                {
                    map._suggested.Add(suggestion);
                }

                continue;
            }

            map._entries.Add(new(scalarKey, value));
        }

        return map;
    }

    /// True when a misspelt key was reported with this key as the suggestion: a "missing key"
    /// error for it would only repeat that report.
    public bool WasSuggested(string key) => _suggested.Contains(key);

    public bool Has(string key) => _entries.Exists(e => e.Key.Value == key);

    /// The value node, or null when the key is absent or set to null.
    public YamlNode? Get(string key)
    {
        var node = _entries.Find(e => e.Key.Value == key).Value;
        return YamlNodes.IsNull(node) ? null : node;
    }

    public YamlScalarNode? KeyNode(string key) => _entries.Find(e => e.Key.Value == key).Key;

    public string PathOf(string key) => KeyPath.Child(Path, key);
}
