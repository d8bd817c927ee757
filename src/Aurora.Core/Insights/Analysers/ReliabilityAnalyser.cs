namespace Aurora.Core.Insights.Analysers;

/// MTBF and MTTR per service from its incidents: the mean time between the openings of consecutive incidents,
/// and the mean time from opening to resolution. Informational: no config key changes them.
public sealed class ReliabilityAnalyser : IInsightAnalyser
{
    public IEnumerable<Insight> Analyse(InsightInput input)
    {
        foreach (var service in input.Declared)
        {
            var incidents = input.Incidents.Where(i => input.BelongsTo(i.Service, service)).OrderBy(i => i.Opened).ToList();
            if (incidents.Count < 2)
            {
                continue;
            }

            var name = service.DeclaredName;
            var span = incidents[^1].Opened - incidents[0].Opened;
            var mtbf = span / (incidents.Count - 1);
            var repaired = incidents.Where(i => i.Resolved is not null).Select(i => i.Resolved!.Value - i.Opened).ToList();
            var mttr = repaired.Count > 0 ? TimeSpan.FromTicks((long)repaired.Average(t => t.Ticks)) : (TimeSpan?)null;
            var causes = incidents.GroupBy(i => i.Cause).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ×{g.Count()}");
            var repair = mttr is { } r ? $"MTTR {InsightValues.Span(r)} ({repaired.Count} resolved)" : "none resolved yet";
            yield return new Insight(Insight.IdOf(InsightKinds.Reliability, name), name, InsightKinds.Reliability,
                $"{name}: {incidents.Count} incidents in {InsightValues.Span(span)}; MTBF {InsightValues.Span(mtbf)}, {repair}",
                [$"first {incidents[0].Opened:yyyy-MM-dd HH:mm}Z, last {incidents[^1].Opened:yyyy-MM-dd HH:mm}Z", $"causes: {string.Join(", ", causes)}"],
                null);
        }
    }
}
