using System.Collections.Immutable;

namespace Aurora.Core.Insights;

/// A concrete config change: set the key at Path (`services`, `api`, `health`, `start_period`) from Current
/// (null: not set, the default applies) to Proposed; or, with Proposed null, remove the list item at Path
/// (`services`, `api`, `fixes`, `0`). File and Declined are filled in when the config files are read
/// (ProposalLocator): the file that sets the value (or would hold the new key), or why no edit can be made.
public sealed record InsightProposal(ImmutableArray<string> Path, string? Current, string? Proposed)
{
    public string? File { get; init; }

    public string? Declined { get; init; }

    public bool Removes => Proposed is null;

    /// `services.api.health.start_period`, `services.api.fixes[0]`.
    public string KeyPath => string.Concat(Path.Select((p, i) => i == 0 ? p : int.TryParse(p, out _) ? $"[{p}]" : "." + p));

    public static InsightProposal Set(string service, string current, string proposed, params string[] keys) =>
        new([.. new[] { "services", service }.Concat(keys)], current, proposed);
}
