using System.Collections.Immutable;

namespace Aurora.Core.Insights;

/// The insights of one run and the history they rest on: since when, and how many events (of the kinds the
/// analysers read), incidents and resource minutes.
public sealed record InsightReport(ImmutableArray<Insight> Insights, DateTimeOffset Since, int Events, int Incidents, int Minutes);
