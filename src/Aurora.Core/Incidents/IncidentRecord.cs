using System.Collections.Immutable;

namespace Aurora.Core.Incidents;

/// One failure episode of one service, as stored. Occurrences counts the stored incidents that share its
/// signature (itself included); it is filled in by queries.
public sealed record IncidentRecord(
    string Id,
    string Service,
    string Cause,
    DateTimeOffset Opened,
    DateTimeOffset? Resolved,
    ImmutableArray<string> Evidence,
    string Signature,
    ImmutableArray<FixAttempt> Fixes,
    int Occurrences = 1);

/// A fix run against an incident and how it ended ("verified", "rolled_back", …).
public sealed record FixAttempt(string Fix, string Outcome, DateTimeOffset Time);
