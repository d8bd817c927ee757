namespace Aurora.Contracts.V1;

/// <summary>`GET /api/v1/insights` and `aurora insights --json`: advice learned from the history, those with a
/// config change first. Window says how far back the history was read.</summary>
public sealed record InsightsDto(IReadOnlyList<InsightDto> Insights, InsightWindowDto Window);

/// <summary>The history the insights rest on: events read (of the kinds the analysers use), incidents and
/// sampled resource minutes, since when.</summary>
public sealed record InsightWindowDto(DateTimeOffset Since, int Events, int Incidents, int Minutes);

/// <summary>One insight. Id is stable across runs (kind:service[:key], e.g. `start-period:api`); kind is
/// start-period, ready-timeout, health-timeout, memory-limit, restart-limit, failing-fix, mtbf, flapping or
/// time-of-day; proposal is null when the insight is informational.</summary>
public sealed record InsightDto(string Id, string Service, string Kind, string Summary, IReadOnlyList<string> Evidence, InsightProposalDto? Proposal);

/// <summary>The config change an insight proposes: the key path (`services.api.health.start_period`), the file that
/// sets it (or would hold the new key), its current value (null: not set, the default applies) and the proposed one
/// (null: remove the list item at path). Declined says why no edit can be made (the file is then null).</summary>
public sealed record InsightProposalDto(string Path, string? File, string? Current, string? Proposed, string? Declined);

/// <summary>`POST /api/v1/insights/{id}/apply`: applied (committed) or rolled back (the file restored byte for byte
/// and reloaded); the file, the diff applied, why, and the backup folder under .aurora/backups.</summary>
public sealed record InsightApplyDto(string Id, string Service, bool Applied, string File, IReadOnlyList<string> Diff, string Detail, string Backup);
