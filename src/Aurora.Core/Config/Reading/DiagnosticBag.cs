using System.Collections.Immutable;
using YamlDotNet.Core;

namespace Aurora.Core.Config.Reading;

/// Collects every problem of one load; readers add to it and carry on.
internal sealed class DiagnosticBag(string file)
{
    private readonly List<ConfigDiagnostic> _items = [];

    public string File { get; } = file;

    public bool HasErrors => _items.Exists(d => !d.IsWarning);

    public void Error(Mark at, string keyPath, string message) => Add(File, at, keyPath, message, false);

    public void Warning(Mark at, string keyPath, string message) => Add(File, at, keyPath, message, true);

    /// For problems in another file (an env_file), positioned there.
    public void ErrorIn(string file, int line, int column, string keyPath, string message) =>
        _items.Add(new ConfigDiagnostic(file, line, column, keyPath, message, false));

    public ImmutableArray<ConfigDiagnostic> ToImmutable() =>
        [.. _items.OrderBy(d => d.File == File ? 0 : 1).ThenBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line).ThenBy(d => d.Column)];

    private void Add(string file, Mark at, string keyPath, string message, bool warning) =>
        _items.Add(new ConfigDiagnostic(file, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column), keyPath, message, warning));
}
