using Aurora.Core.Config.Parsing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Reading;

/// Merges the documents of the config files, in order, into one (SPEC §3, as Compose does): mappings merge key by
/// key, recursively, in the order of the first file that has each key; anything else (a list, a scalar, an
/// explicit null) replaces what came before. Values, not keys, are interpolated on the way (ConfigVariables).
/// The result is a fresh tree loaded from the parser events written here, each carrying the position of the node
/// it came from, file included (SourceMarks), so every reader's diagnostic names the right file and line. YAML
/// aliases become copies where they are used, as in Compose, within the depth and size a file may have.
internal sealed class DocumentMerger
{
    /// Far above any real config (a 1 MiB file holds at most about 500,000 values); what aliases may expand to.
    public const int MaxNodes = 1_000_000;

    private readonly List<ParsingEvent> _events = [];
    private readonly HashSet<YamlNode> _interpolated = new(ReferenceEqualityComparer.Instance);
    private readonly ConfigVariables _variables;
    private readonly DiagnosticBag _bag;
    private bool _tooLarge;

    private DocumentMerger(ConfigVariables variables, DiagnosticBag bag)
    {
        _variables = variables;
        _bag = bag;
    }

    /// The merged root, or null when aliases expand it past the limits (reported).
    public static YamlNode? Merge(IReadOnlyList<YamlNode> roots, ConfigVariables variables, DiagnosticBag bag)
    {
        var merger = new DocumentMerger(variables, bag);
        merger._events.AddRange([new StreamStart(), new DocumentStart()]);
        merger.Emit([.. roots.Select((node, file) => new Layer(node, file))], "", 1, interpolate: true);
        if (merger._tooLarge)
        {
            return null;
        }

        merger._events.AddRange([new DocumentEnd(isImplicit: true), new StreamEnd()]);
        var stream = new YamlStream();
        stream.Load(new EventListParser(merger._events));
        return stream.Documents[0].RootNode;
    }

    private void Emit(IReadOnlyList<Layer> layers, string path, int depth, bool interpolate)
    {
        var top = layers[^1];
        if (_tooLarge || TooLarge(top, path, top.Node is YamlScalarNode ? 0 : depth))
        {
            return;
        }

        switch (top.Node)
        {
            case YamlMappingNode:
                // The mappings at the end of the list merge; anything before the last non-mapping was replaced by it.
                var first = layers.Count - 1;
                while (first > 0 && layers[first - 1].Node is YamlMappingNode)
                {
                    first--;
                }

                EmitMappings(layers.Skip(first).ToList(), path, depth);
                break;
            case YamlSequenceNode sequence:
                var s = SourceMarks.In(top.File, sequence.Start);
                _events.Add(new SequenceStart(AnchorName.Empty, sequence.Tag, sequence.Tag.IsEmpty, sequence.Style, s, SourceMarks.In(top.File, sequence.End)));
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Emit([new Layer(sequence.Children[i], top.File)], KeyPath.Item(path, i), depth + 1, interpolate);
                }

                _events.Add(new SequenceEnd(s, s));
                break;
            case YamlScalarNode scalar:
                EmitScalar(scalar, top.File, path, interpolate);
                break;
        }
    }

    private void EmitMappings(IReadOnlyList<Layer> maps, string path, int depth)
    {
        var entries = new List<(Layer Key, List<Layer> Values)>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (map, file) in maps)
        {
            foreach (var (key, value) in ((YamlMappingNode)map).Children)
            {
                if (key is YamlScalarNode { Value: { } name } && byName.TryGetValue(name, out var at))
                {
                    entries[at].Values.Add(new Layer(value, file));
                    continue;
                }

                if (key is YamlScalarNode { Value: { } newName })
                {
                    byName[newName] = entries.Count;
                }

                entries.Add((new Layer(key, file), [new Layer(value, file)]));
            }
        }

        var head = maps[0];
        var mapping = (YamlMappingNode)head.Node;
        var start = SourceMarks.In(head.File, mapping.Start);
        _events.Add(new MappingStart(AnchorName.Empty, mapping.Tag, mapping.Tag.IsEmpty, mapping.Style, start, SourceMarks.In(head.File, mapping.End)));
        foreach (var (key, values) in entries)
        {
            var name = (key.Node as YamlScalarNode)?.Value ?? "?";
            Emit([key], path, depth + 1, interpolate: false);
            Emit(values, KeyPath.Child(path, name), depth + 1, interpolate: true);
        }

        _events.Add(new MappingEnd(start, start));
    }

    private void EmitScalar(YamlScalarNode scalar, int file, string path, bool interpolate)
    {
        var value = scalar.Value ?? "";
        var style = scalar.Style;
        var at = SourceMarks.In(file, scalar.Start);
        if (interpolate && value.Contains('$', StringComparison.Ordinal))
        {
            var issues = new List<InterpolationIssue>();
            var result = Interpolation.Apply(value, _variables.Lookup, _variables.DotEnvHint, issues);

            // An alias repeats its node; its problems are said once.
            foreach (var issue in _interpolated.Add(scalar) ? issues : [])
            {
                if (issue.IsError)
                {
                    _bag.Error(at, path, issue.Message);
                }
                else
                {
                    _bag.Warning(at, path, issue.Message);
                }
            }

            // What a variable gives is a string: `key: ${UNSET}` is "", not null (the key is set, and empty).
            if (result != value && style is ScalarStyle.Plain or ScalarStyle.Any && YamlNodes.IsNullText(result))
            {
                style = ScalarStyle.DoubleQuoted;
            }

            value = result;
        }

        _events.Add(new Scalar(AnchorName.Empty, scalar.Tag, value, style, scalar.Tag.IsEmpty, scalar.Tag.IsEmpty, at, SourceMarks.In(file, scalar.End)));
    }

    /// depth: how many lists and mappings this node closes in, itself included (0 for a scalar).
    private bool TooLarge(Layer at, string path, int depth)
    {
        var where = SourceMarks.In(at.File, at.Node.Start);
        if (depth > YamlText.MaxDepth)
        {
            _bag.Error(where, path, $"nesting is deeper than {YamlText.MaxDepth} levels of lists and mappings once aliases are copied where they are used; flatten it");
            _tooLarge = true;
        }
        else if (_events.Count > MaxNodes)
        {
            _bag.Error(where, path, $"the config holds more than {MaxNodes} values once aliases are copied where they are used; no config needs that many");
            _tooLarge = true;
        }

        return _tooLarge;
    }

    private readonly record struct Layer(YamlNode Node, int File);
}
