using System.Collections.Immutable;

namespace Aurora.Core.Insights.Editing;

/// One planned change of one config file: its text before and after, and the changed lines as a diff.
public sealed record ConfigEdit(ConfigFileText Before, ConfigFileText After)
{
    public string File => Before.Path;

    public ImmutableArray<string> Diff => LineDiff.Of(Before.Text, After.Text, Path.GetFileName(File));
}
