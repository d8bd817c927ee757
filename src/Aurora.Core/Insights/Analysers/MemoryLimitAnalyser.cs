using Aurora.Core.Diagnosis;

namespace Aurora.Core.Insights.Analysers;

/// `limits.memory` hit repeatedly (two or more out_of_memory incidents in the last 30 days: raise it by half, or
/// to half again the peak seen) or far above real use (an hour or more of samples, none above a quarter of it,
/// and never killed for memory: lower it to twice the peak).
public sealed class MemoryLimitAnalyser : IInsightAnalyser
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);
    public const int MinimumMinutes = 60;

    public IEnumerable<Insight> Analyse(InsightInput input)
    {
        foreach (var service in input.Declared)
        {
            if (service.Limits.MemoryBytes is not { } limit)
            {
                continue;
            }

            var name = service.DeclaredName;
            var minutes = input.Minutes.Where(m => input.BelongsTo(m.Service, service)).ToList();
            var peak = minutes.Count > 0 ? minutes.Max(m => m.MemMax) : 0;
            var ooms = input.Incidents.Where(i => input.BelongsTo(i.Service, service) && i.Cause == Causes.OutOfMemory && i.Opened >= input.Now - Window)
                .OrderBy(i => i.Opened).ToList();
            var current = InsightValues.Size(limit);
            if (ooms.Count >= 2)
            {
                var proposed = InsightValues.Size(InsightValues.RoundUpSize((long)Math.Max(limit * 1.5, peak * 1.5)));
                var evidence = new List<string> { $"killed for out_of_memory {ooms.Count} times in the last 30 days ({string.Join(", ", ooms.TakeLast(3).Select(i => i.Id))}), limit {current}" };
                if (peak > 0)
                {
                    evidence.Add($"peak use in {minutes.Count} sampled minutes: {InsightValues.MiB(peak)}");
                }

                yield return new Insight(Insight.IdOf(InsightKinds.MemoryLimit, name), name, InsightKinds.MemoryLimit,
                    $"{name}: limits.memory {current}; hit {ooms.Count} times in the last 30 days; suggest {proposed}", [.. evidence],
                    InsightProposal.Set(name, current, proposed, "limits", "memory"));
            }
            else if (ooms.Count == 0 && minutes.Count >= MinimumMinutes && peak > 0 && peak * 4 < limit)
            {
                var proposed = InsightValues.RoundUpSize(peak * 2);
                if (proposed >= limit)
                {
                    continue;
                }

                var since = minutes.Min(m => m.Minute);
                yield return new Insight(Insight.IdOf(InsightKinds.MemoryLimit, name), name, InsightKinds.MemoryLimit,
                    $"{name}: limits.memory {current}; it never used more than {InsightValues.MiB(peak)} in {minutes.Count} sampled minutes; suggest {InsightValues.Size(proposed)}",
                    [$"peak {InsightValues.MiB(peak)} over {minutes.Count} sampled minutes since {since:yyyy-MM-dd HH:mm}Z; the limit is {limit / (double)peak:0}× that, so a leak would go unnoticed long"],
                    InsightProposal.Set(name, current, InsightValues.Size(proposed), "limits", "memory"));
            }
        }
    }
}
