using System.Text;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Rendering;

/// Writes a document as block YAML that reads back as the same config, two spaces an indent: a mapping's keys in their order, a list of scalars that
/// fits on one line in flow style (`command: [python3, app.py]`), anything else in block style.
internal sealed class YamlWriter
{
    private const int FlowWidth = 100;

    private readonly StringBuilder _out = new();
    private readonly List<string> _path = [];
    private readonly SecretMask _mask;

    private YamlWriter(SecretMask mask) => _mask = mask;

    public static string Write(YamlNode root, SecretMask mask)
    {
        var writer = new YamlWriter(mask);
        if (root is YamlMappingNode { Children.Count: > 0 } or YamlSequenceNode { Children.Count: > 0 })
        {
            writer.Block(root, 0, inline: false);
        }
        else
        {
            writer._out.Append(writer.Inline(root)).Append('\n');
        }

        return writer._out.ToString();
    }

    /// A non-empty collection at `indent`; inline: its first line continues one already begun (after `- `).
    private void Block(YamlNode node, int indent, bool inline)
    {
        var first = true;
        if (node is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                Indent(indent, inline && first);
                first = false;
                var name = (key as YamlScalarNode)?.Value ?? "";
                _out.Append(key is YamlScalarNode k ? YamlScalars.Format(name, YamlScalars.IsPlain(k), inFlow: false) : "\"\"").Append(':');
                Within(name, () => Value(value, indent));
            }

            return;
        }

        var items = ((YamlSequenceNode)node).Children;
        for (var i = 0; i < items.Count; i++)
        {
            Indent(indent, inline && first);
            first = false;
            _out.Append('-');
            Within(Index(i), () =>
            {
                if (IsBlock(items[i]))
                {
                    _out.Append(' ');
                    Block(items[i], indent + 2, inline: true);
                }
                else
                {
                    _out.Append(' ').Append(Inline(items[i])).Append('\n');
                }
            });
        }
    }

    /// What follows `key:`: the value on the same line, or its block on the next ones.
    private void Value(YamlNode value, int indent)
    {
        if (IsBlock(value))
        {
            _out.Append('\n');
            Block(value, indent + 2, inline: false);
        }
        else
        {
            _out.Append(' ').Append(Inline(value)).Append('\n');
        }
    }

    /// A scalar, an empty collection, or a short list of scalars: written on one line.
    private string Inline(YamlNode node, bool inFlow = false) => node switch
    {
        YamlScalarNode s => Scalar(s, inFlow),
        YamlMappingNode => "{}",
        YamlSequenceNode seq => "[" + string.Join(", ", seq.Children.Select((c, i) => Within(Index(i), () => Inline(c, inFlow: true)))) + "]",
        _ => "null",
    };

    /// A masked value is a string, whatever it looked like before. A `$` is written `$$`, so that the output, read
    /// as a config, means what this one does (as `docker compose config` writes it); keys are never interpolated.
    private string Scalar(YamlScalarNode s, bool inFlow)
    {
        var value = s.Value ?? "";
        var shown = _mask.Show(_path, value);
        return YamlScalars.Format(shown.Replace("$", "$$", StringComparison.Ordinal), YamlScalars.IsPlain(s) && shown == value, inFlow);
    }

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private bool IsBlock(YamlNode node) => node switch
    {
        YamlMappingNode m => m.Children.Count > 0,
        YamlSequenceNode s => s.Children.Count > 0 && (s.Children.Any(c => c is not YamlScalarNode) || Inline(s).Length > FlowWidth - _path.Count * 2),
        _ => false,
    };

    private void Indent(int indent, bool continuing)
    {
        if (!continuing)
        {
            _out.Append(' ', indent);
        }
    }

    private void Within(string segment, Action write) => Within(segment, () =>
    {
        write();
        return 0;
    });

    private T Within<T>(string segment, Func<T> write)
    {
        _path.Add(segment);
        try
        {
            return write();
        }
        finally
        {
            _path.RemoveAt(_path.Count - 1);
        }
    }
}
