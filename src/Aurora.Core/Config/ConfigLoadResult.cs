using System.Collections.Immutable;

namespace Aurora.Core.Config;

/// Config is null when any error was found; warnings alone never block loading.
public sealed record ConfigLoadResult(AuroraConfig? Config, ImmutableArray<ConfigDiagnostic> Diagnostics)
{
    public bool Ok => Config is not null;

    /// The merged, interpolated document, for `aurora config` (secrets masked when it is rendered); null when a
    /// file could not be read or parsed.
    public ConfigDocument? Document { get; init; }

    public IEnumerable<ConfigDiagnostic> Errors => Diagnostics.Where(d => !d.IsWarning);

    public IEnumerable<ConfigDiagnostic> Warnings => Diagnostics.Where(d => d.IsWarning);
}
