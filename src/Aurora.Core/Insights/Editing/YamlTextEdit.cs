using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Insights.Editing;

/// Edits of a YAML text at its nodes' marks: everything outside the changed span stays as it was, comments and
/// layout included; the file is never serialised again. Each returns the new text, or throws
/// InsightDeclinedException when the text is laid out in a way it does not edit safely.
internal static class YamlTextEdit
{
    /// The scalar replaced by the value, in the scalar's own quoting.
    public static string ReplaceScalar(string text, YamlScalarNode node, string value)
    {
        var (start, end) = ((int)node.Start.Index, (int)node.End.Index);
        var written = node.Style switch
        {
            ScalarStyle.Plain or ScalarStyle.Any => value,
            ScalarStyle.DoubleQuoted => $"\"{value}\"",
            ScalarStyle.SingleQuoted => $"'{value}'",
            _ => throw new InsightDeclinedException("the value is a block scalar (| or >); edit it by hand"),
        };
        if (node.Value?.Contains('$', StringComparison.Ordinal) == true || text[start..end].Contains('$', StringComparison.Ordinal))
        {
            throw new InsightDeclinedException($"the value comes from a variable ({text[start..end]}); change the variable instead");
        }

        return text[..start] + written + text[end..];
    }

    /// The missing keys added under the mapping, the last one set to value: as a new line with the indentation
    /// of its siblings after the mapping's last entry (nested keys two spaces deeper each),
    /// or inside the braces of a flow mapping (`{ http: …, start_period: 12s }`).
    public static string InsertKeys(string text, YamlMappingNode parent, IReadOnlyList<string> keys, string value, string newline)
    {
        if (parent.Style == MappingStyle.Flow)
        {
            var entry = Flow(keys, value);
            if (parent.Children.Count == 0)
            {
                var brace = (int)parent.Start.Index;
                return text[..(brace + 1)] + $" {entry} " + text[(brace + 1)..];
            }

            var after = ContentEnd(text, parent.Children[^1].Value);
            return text[..after] + ", " + entry + text[after..];
        }

        var first = (YamlScalarNode)parent.Children[0].Key;
        var indent = (int)first.Start.Column - 1;
        var lines = string.Concat(keys.Select((k, i) => new string(' ', indent + (i * 2)) + k + ":" + (i == keys.Count - 1 ? " " + value : "") + newline));

        var last = parent.Children[^1].Value;
        if (last is YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded })
        {
            // A block scalar's end mark lies past its trailing lines: the new key goes first instead.
            var at = LineStart(text, (int)first.Start.Index);
            return text[..at] + lines + text[at..];
        }

        var end = LineEnd(text, ContentEnd(text, last));
        var lead = end == text.Length && end > 0 && text[end - 1] != '\n' && text[end - 1] != '\r' ? newline : "";
        return text[..end] + lead + lines + text[end..];
    }

    /// Item `index` of a block list removed, from its dash to the end of its last line.
    public static string RemoveItem(string text, YamlSequenceNode list, int index)
    {
        if (list.Style == SequenceStyle.Flow)
        {
            throw new InsightDeclinedException("the list is written in flow style ([…]); remove the item by hand");
        }

        var item = list.Children[index];
        var from = LineStart(text, (int)item.Start.Index);
        var lead = text[from..(int)item.Start.Index].Trim();
        if (lead != "-")
        {
            throw new InsightDeclinedException($"item {index} does not start its own line (\"{lead}\"); remove it by hand");
        }

        var to = LineEnd(text, ContentEnd(text, item));
        return text[..from] + text[to..];
    }

    /// Where a node's own text ends: a scalar's end mark; a flow collection's closing bracket (the representation
    /// model's end mark of a collection is where it starts); a block collection's last content (past it come
    /// comments and blank lines that belong to what follows).
    private static int ContentEnd(string text, YamlNode node) => node switch
    {
        YamlMappingNode { Style: MappingStyle.Flow } or YamlSequenceNode { Style: SequenceStyle.Flow } => FlowEnd(text, (int)node.Start.Index),
        YamlMappingNode { Children.Count: > 0 } m => ContentEnd(text, m.Children[^1].Value),
        YamlSequenceNode { Children.Count: > 0 } s => ContentEnd(text, s.Children[^1]),
        _ => (int)node.End.Index,
    };

    /// Just past the bracket that closes the one at `open`, quoted text and comments skipped.
    private static int FlowEnd(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case '"' when StartsScalar(text, i):
                    while (++i < text.Length && text[i] != '"')
                    {
                        i += text[i] == '\\' ? 1 : 0;
                    }

                    break;
                case '\'' when StartsScalar(text, i):
                    // '' is a quote inside single quotes.
                    i++;
                    while (i < text.Length && !(text[i] == '\'' && (i + 1 >= text.Length || text[i + 1] != '\'')))
                    {
                        i += text[i] == '\'' ? 2 : 1;
                    }

                    break;
                case '#' when i > 0 && char.IsWhiteSpace(text[i - 1]):
                    i = LineEnd(text, i) - 1;
                    break;
            }
        }

        throw new InsightDeclinedException("a flow collection is not closed; edit it by hand");
    }

    /// A quote opens a quoted scalar only where a scalar may start; inside a plain one (`it's`) it is a character.
    private static bool StartsScalar(string text, int at)
    {
        var i = at - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '\r' or '\n')
        {
            i--;
        }

        return i < 0 || text[i] is '{' or '[' or ',' or ':' or '?';
    }

    private static string Flow(IReadOnlyList<string> keys, string value) =>
        keys.Count == 1 ? $"{keys[0]}: {value}" : $"{keys[0]}: {{ {Flow([.. keys.Skip(1)], value)} }}";

    private static int LineStart(string text, int at)
    {
        var i = Math.Clamp(at, 0, text.Length);
        while (i > 0 && text[i - 1] is not '\n' and not '\r')
        {
            i--;
        }

        return i;
    }

    /// Just past the line break that ends the line `at` is on (a comment after the value stays on its line).
    private static int LineEnd(string text, int at)
    {
        var i = Math.Clamp(at, 0, text.Length);
        while (i < text.Length && text[i] is not '\n' and not '\r')
        {
            i++;
        }

        if (i < text.Length && text[i] == '\r')
        {
            i++;
        }

        if (i < text.Length && text[i] == '\n')
        {
            i++;
        }

        return i;
    }
}
