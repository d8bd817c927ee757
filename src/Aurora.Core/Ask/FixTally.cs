using Aurora.Core.Incidents;

namespace Aurora.Core.Ask;

/// How one fix has fared against one cause: counted over the incidents of the failure memory.
public sealed record FixTally(string Cause, string Fix, int Verified, int RolledBack, int Other, DateTimeOffset Last)
{
    public int Tried => Verified + RolledBack + Other;

    /// Best record first (most verified, then fewest rolled back), as the healer orders them.
    public static IReadOnlyList<FixTally> Of(IEnumerable<IncidentRecord> incidents) =>
        [.. incidents
            .SelectMany(i => i.Fixes.Select(f => (i.Cause, Attempt: f)))
            .GroupBy(x => (x.Cause, x.Attempt.Fix))
            .Select(g => new FixTally(g.Key.Cause, g.Key.Fix,
                g.Count(x => x.Attempt.Outcome == "verified"),
                g.Count(x => x.Attempt.Outcome == "rolled_back"),
                g.Count(x => x.Attempt.Outcome is not ("verified" or "rolled_back")),
                g.Max(x => x.Attempt.Time)))
            .OrderByDescending(t => t.Verified).ThenBy(t => t.RolledBack).ThenBy(t => t.Cause, StringComparer.Ordinal)];
}
