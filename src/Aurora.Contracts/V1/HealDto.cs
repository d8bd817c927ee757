namespace Aurora.Contracts.V1;

/// <summary>`POST /api/v1/services/{name}/heal` and `aurora heal NAME --json`: the cause found now and each fix
/// tried for it, in order (outcome: verified, rolled_back or skipped).</summary>
public sealed record HealDto(string Service, string Cause, string Summary, string? Incident, bool Healed, IReadOnlyList<HealFixDto> Fixes);

/// <summary>One fix a heal tried.</summary>
public sealed record HealFixDto(string Fix, string Outcome, string Detail);
