namespace Aurora.Porting.Yaml;

/// A mapping whose keys keep the order they were added in; `{}` when empty. A null value is not added, so optional
/// keys are written only when they have something to say.
public sealed class YamlMapping : YamlNode
{
    private readonly List<KeyValuePair<string, YamlNode>> _entries = [];

    public IReadOnlyList<KeyValuePair<string, YamlNode>> Entries => _entries;

    public int Count => _entries.Count;

    public YamlMapping Add(string key, YamlNode? value)
    {
        if (value is not null)
        {
            _entries.Add(new(key, value));
        }

        return this;
    }

    public YamlMapping Add(string key, string? value) => Add(key, value is null ? null : Text(value));

    public YamlMapping Add(string key, long? value) => Add(key, value is { } v ? Number(v) : null);

    public YamlMapping Add(string key, bool? value) => Add(key, value is { } v ? Bool(v) : null);

    /// Adds the mapping or list only when it holds something.
    public YamlMapping AddNonEmpty(string key, YamlNode value) =>
        value is YamlMapping { Count: 0 } or YamlList { Items.Count: 0 } ? this : Add(key, value);
}
