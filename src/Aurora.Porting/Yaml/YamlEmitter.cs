using System.Text;

namespace Aurora.Porting.Yaml;

/// Writes nodes as block YAML, two spaces an indent; several documents are separated by `---`, each may be
/// preceded by comment lines.
public static class YamlEmitter
{
    public static string Document(YamlNode root, IEnumerable<string>? comments = null)
    {
        var sb = new StringBuilder();
        foreach (var line in comments ?? [])
        {
            sb.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
        }

        Write(sb, root, 0);
        return sb.ToString();
    }

    public static string Documents(IEnumerable<string> documents) => string.Join("---\n", documents);

    private static void Write(StringBuilder sb, YamlNode node, int indent)
    {
        switch (node)
        {
            case YamlMapping { Count: > 0 } map:
                foreach (var (key, value) in map.Entries)
                {
                    sb.Append(' ', indent).Append(YamlScalar.String(key)).Append(':');
                    Value(sb, value, indent, nested: indent + 2);
                }

                break;
            case YamlList { Items.Count: > 0 } list:
                foreach (var item in list.Items)
                {
                    sb.Append(' ', indent).Append('-');
                    Value(sb, item, indent, nested: indent + 2, inList: true);
                }

                break;
            default:
                sb.Append(' ', indent).Append(Inline(node)).Append('\n');
                break;
        }
    }

    /// What follows `key:` or `-`: a scalar or an empty collection on the same line; a mapping in a list begins on
    /// the dash's line; anything else on the lines below.
    private static void Value(StringBuilder sb, YamlNode value, int indent, int nested, bool inList = false)
    {
        if (value is YamlScalarNode or YamlMapping { Count: 0 } or YamlList { Items.Count: 0 })
        {
            sb.Append(' ').Append(Inline(value)).Append('\n');
            return;
        }

        if (inList && value is YamlMapping)
        {
            var start = sb.Length;
            Write(sb, value, nested);
            sb.Remove(start, nested - 1);
            return;
        }

        sb.Append('\n');
        Write(sb, value, value is YamlList && !inList ? indent : nested);
    }

    private static string Inline(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Formatted,
        YamlMapping => "{}",
        YamlList => "[]",
        _ => throw new ArgumentException($"unknown node {node.GetType().Name}"),
    };
}
