using System.Collections.Immutable;

namespace Aurora.Core.Insights;

/// One piece of advice learned from the service's history. Id is stable across runs (kind, service and key:
/// `start-period:api`), so the same advice keeps its id and `aurora insights apply ID` means the same thing
/// tomorrow. Evidence is the figures it rests on; Proposal the config change it suggests, or null when the
/// insight is informational (MTBF/MTTR, a time-of-day cluster): nothing in the config would change it.
public sealed record Insight(string Id, string Service, string Kind, string Summary, ImmutableArray<string> Evidence, InsightProposal? Proposal)
{
    public static string IdOf(string kind, string service, string? key = null) =>
        key is null ? $"{kind}:{service}" : $"{kind}:{service}:{key}";
}
