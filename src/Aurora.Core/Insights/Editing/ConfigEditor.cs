using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Insights.Editing;

/// Turns a proposal into an edit of the config file that sets the value: several files merge in order, so the
/// value in force is set by the last file that has the key, and that is the file edited. A key no file has is
/// added beside its siblings: in the file that holds the deepest part of its path (a later file wins a tie),
/// which changes nothing else since mappings merge key by key. A list item is removed from the last file that
/// has the list (lists replace). Anything else is declined with the reason (InsightDeclinedException).
public static class ConfigEditor
{
    public static ConfigEdit Plan(IReadOnlyList<string> files, InsightProposal proposal)
    {
        var texts = files.Select(Read).ToList();
        var roots = texts.Select(Parse).ToList();
        var path = proposal.Path;
        var edit = proposal.Removes ? Remove(texts, roots, path) : Set(texts, roots, path, proposal.Proposed!);

        // The edit must land where it was meant to: the new text parses and has the value at the path.
        var landed = YamlEditTarget.Find(Parse(edit.After), path);
        var ok = proposal.Removes ? !SameItem(landed.Value, YamlEditTarget.Find(roots[texts.IndexOf(edit.Before)], path).Value)
            : landed.Value is YamlScalarNode s && s.Value == proposal.Proposed;
        return ok ? edit : throw new InsightDeclinedException($"the edit of {Path.GetFileName(edit.File)} did not land at {proposal.KeyPath}; edit it by hand");
    }

    /// The proposal with the file it would edit, or why it cannot be made.
    public static InsightProposal Locate(IReadOnlyList<string> files, InsightProposal proposal)
    {
        try
        {
            return proposal with { File = Plan(files, proposal).File };
        }
        catch (InsightDeclinedException e)
        {
            return proposal with { Declined = e.Message };
        }
    }

    private static ConfigEdit Set(List<ConfigFileText> texts, List<YamlNode> roots, IReadOnlyList<string> path, string value)
    {
        var targets = roots.Select(r => YamlEditTarget.Find(r, path)).ToList();
        for (var i = texts.Count - 1; i >= 0; i--)
        {
            var (text, t) = (texts[i], targets[i]);
            if (t.Blocked is { } blocked)
            {
                throw new InsightDeclinedException($"{Path.GetFileName(text.Path)}: {blocked}");
            }

            if (t.Value is YamlScalarNode scalar)
            {
                return new ConfigEdit(text, text.With(YamlTextEdit.ReplaceScalar(text.Text, scalar, value)));
            }

            if (t.Found)
            {
                throw new InsightDeclinedException($"{Path.GetFileName(text.Path)} sets {string.Join('.', path)} to a collection, not a value");
            }
        }

        // Nobody sets it: the deepest mapping on the path, at least the service's own.
        var best = Enumerable.Range(0, texts.Count).Where(i => targets[i].Depth(path.Count) >= 2)
            .OrderByDescending(i => targets[i].Depth(path.Count)).ThenByDescending(i => i).Select(i => (int?)i).FirstOrDefault()
            ?? throw new InsightDeclinedException($"no config file defines {string.Join('.', path.Take(2))}");
        var into = texts[best];
        return new ConfigEdit(into, into.With(YamlTextEdit.InsertKeys(into.Text, targets[best].Parent!, targets[best].Missing, value, into.Newline)));
    }

    private static ConfigEdit Remove(List<ConfigFileText> texts, List<YamlNode> roots, IReadOnlyList<string> path)
    {
        var listPath = path.Take(path.Count - 1).ToList();
        var index = int.Parse(path[^1], System.Globalization.CultureInfo.InvariantCulture);
        for (var i = texts.Count - 1; i >= 0; i--)
        {
            var t = YamlEditTarget.Find(roots[i], listPath);
            if (t.Blocked is { } blocked)
            {
                throw new InsightDeclinedException($"{Path.GetFileName(texts[i].Path)}: {blocked}");
            }

            if (t.Value is YamlSequenceNode list && index < list.Children.Count)
            {
                return new ConfigEdit(texts[i], texts[i].With(YamlTextEdit.RemoveItem(texts[i].Text, list, index)));
            }

            if (t.Found)
            {
                throw new InsightDeclinedException($"{Path.GetFileName(texts[i].Path)}: {string.Join('.', listPath)} has no item {index}");
            }
        }

        throw new InsightDeclinedException($"no config file sets {string.Join('.', listPath)}");
    }

    private static bool SameItem(YamlNode? a, YamlNode? b) => a is not null && b is not null && a.ToString() == b.ToString();

    private static ConfigFileText Read(string file)
    {
        try
        {
            return ConfigFileText.Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            throw new InsightDeclinedException($"cannot read {file}: {e.Message}");
        }
    }

    private static YamlNode Parse(ConfigFileText text) => Parse(text.Text, text.Path);

    private static YamlNode Parse(string text, string file)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 1 ? stream.Documents[0].RootNode : throw new InsightDeclinedException($"{Path.GetFileName(file)} is not one YAML document");
        }
        catch (YamlException e)
        {
            throw new InsightDeclinedException($"{Path.GetFileName(file)} does not parse: {e.Message}");
        }
    }
}
