namespace Aurora.Contracts.V1;

/// <summary>`GET /api/v1/history` and `aurora history --json` (SPEC §4): matching incidents, then matching events.</summary>
public sealed record HistoryDto(IReadOnlyList<IncidentDto> Incidents, IReadOnlyList<EventDto> Events);

/// <summary>One failure episode of one service, with its evidence and the fixes tried.</summary>
public sealed record IncidentDto(
    string Id,
    string Service,
    string Cause,
    DateTimeOffset Opened,
    DateTimeOffset? Resolved,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<FixDto> Fixes,
    /// <summary>The hash of the normalised evidence: equal for recurring failures.</summary>
    string Signature,
    /// <summary>How many stored incidents share this signature (this one included).</summary>
    int Occurrences);

/// <summary>A fix tried on an incident and how it ended (verified, rolled_back, …).</summary>
public sealed record FixDto(string Fix, string Outcome, DateTimeOffset Time);
