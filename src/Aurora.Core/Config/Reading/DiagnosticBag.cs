using System.Collections.Immutable;
using YamlDotNet.Core;

namespace Aurora.Core.Config.Reading;

/// Collects every problem of one load; readers add to it and carry on. Files are the config files in the order
/// they merge; a mark names its file (SourceMarks), so each problem is reported in the file it comes from.
internal sealed class DiagnosticBag(IReadOnlyList<string> files)
{
    private readonly List<ConfigDiagnostic> _items = [];

    public DiagnosticBag(string file)
        : this([file])
    {
    }

    /// The first config file: the project's own.
    public string File => files[0];

    public IReadOnlyList<string> Files => files;

    public bool HasErrors => _items.Exists(d => !d.IsWarning);

    public void Error(Mark at, string keyPath, string message) => Add(FileAt(at), at, keyPath, message, false);

    public void Warning(Mark at, string keyPath, string message) => Add(FileAt(at), at, keyPath, message, true);

    /// For problems in another file (an env_file), positioned there.
    public void ErrorIn(string file, int line, int column, string keyPath, string message) =>
        _items.Add(new ConfigDiagnostic(file, line, column, keyPath, message, false));

    public void WarningIn(string file, int line, int column, string keyPath, string message) =>
        _items.Add(new ConfigDiagnostic(file, line, column, keyPath, message, true));

    /// The config files in their order, then any other file by name; by position within each.
    public ImmutableArray<ConfigDiagnostic> ToImmutable() =>
        [.. _items.OrderBy(d => Rank(d.File)).ThenBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line).ThenBy(d => d.Column)];

    private int Rank(string file)
    {
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i] == file)
            {
                return i;
            }
        }

        return files.Count;
    }

    private string FileAt(Mark at) => SourceMarks.FileOf(at) is var i && i < files.Count ? files[i] : files[0];

    private void Add(string file, Mark at, string keyPath, string message, bool warning) =>
        _items.Add(new ConfigDiagnostic(file, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column), keyPath, message, warning));
}
