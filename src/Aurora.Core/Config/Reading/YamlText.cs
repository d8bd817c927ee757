using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Reading;

/// Turns text into one YAML root node, or a positioned diagnostic instead of an exception.
internal static class YamlText
{
    /// Deeper than any real config; shallow enough that building the tree can never exhaust a stack.
    public const int MaxDepth = 64;

    public const string UnreadableHere =
        "invalid YAML: cannot be read past this point; a [ ] or { } that spans lines must indent each following line more than its key";

    public const string MalformedMapping =
        "invalid YAML: a mapping cannot be read past this point; a line that starts with ':' needs a key before it";

    /// file: the text's place among the config files (its marks name it, SourceMarks).
    public static YamlNode? Load(string text, DiagnosticBag bag, int file = 0)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        var parser = new Parser(scanner);
        try
        {
            stream.Load(new DepthLimitedParser(parser, MaxDepth));
        }
        catch (NestingTooDeepException e)
        {
            bag.Error(SourceMarks.In(file, e.Start), "", e.Message);
            return null;
        }
        catch (YamlException e)
        {
            var isTab = e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase);
            var at = isTab ? FirstTabIndent(text) ?? e.Start : e.Start;
            var hint = isTab ? "; indent with spaces, not tabs"
                : e.Message.StartsWith("Duplicate key", StringComparison.Ordinal) ? "; each key may appear only once in a mapping"
                : "";
            bag.Error(SourceMarks.In(file, at), "", $"invalid YAML: {e.Message.TrimEnd('.')}{hint}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18.1's scanner throws this instead of a YamlException for a flow list or mapping whose next
            // line is indented less than its key (`command: [` then `python3]` at column 1); found by the config fuzz.
            bag.Error(SourceMarks.In(file, scanner.CurrentPosition), "", UnreadableHere);
            return null;
        }
        catch (ArgumentException)
        {
            // YamlDotNet 18.1's parser ends a block mapping after a key with no value when a line starts with ': '
            // (`: policy: on-failure` under `restart:`), and the representation model throws this on the stray end
            // event; found by the config fuzz on CI. The event it stopped at is where the mapping broke.
            bag.Error(SourceMarks.In(file, parser.Current?.Start ?? scanner.CurrentPosition), "", MalformedMapping);
            return null;
        }

        if (stream.Documents.Count == 0 || YamlNodes.IsNull(stream.Documents[0].RootNode))
        {
            bag.Error(SourceMarks.In(file, new Mark(0, 1, 1)), "", file == 0
                ? "the file is empty; it needs at least services:, e.g. services: { api: { command: \"python3 app.py\" } }"
                : "the file is empty; a file merged over the first needs what it changes, e.g. services: { api: { env: { DEBUG: \"1\" } } }");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            bag.Error(SourceMarks.In(file, stream.Documents[1].RootNode.Start), "", "has more than one YAML document (---); put everything in one");
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    // YamlDotNet reports a tab in the indentation at the start of the enclosing mapping; point at the tab.
    private static Mark? FirstTabIndent(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return new Mark(0, i + 1, tab + 1);
            }
        }

        return null;
    }
}
