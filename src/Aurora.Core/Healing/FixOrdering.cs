namespace Aurora.Core.Healing;

/// The order fixes are tried in: user-defined fixes first (SPEC §3), then by their observed success.
public static class FixOrdering
{
    public static IReadOnlyList<IFix> Order(IEnumerable<IFix> fixes, string cause, IFixRecords records) =>
        fixes.Where(f => f.Cause == cause)
            .Select((f, i) => (Fix: f, Index: i, Score: records.Get(cause, f.Name).Score))
            .OrderByDescending(x => x.Fix.IsUserDefined)
            .ThenByDescending(x => x.Score)
            .ThenBy(x => x.Index)
            .Select(x => x.Fix)
            .ToList();
}
