using Aurora.Core.Config;

namespace Aurora.Core.Insights.Analysers;

/// `health.start_period` too short: of the last starts, enough became healthy only after it (or were killed as
/// hung before their first healthy check, and the next start came up: a service that needs two starts).
/// Proposes the slowest healthy start seen with a third more, rounded up; with no healthy start to go by,
/// twice the time the starts were killed at.
public sealed class StartPeriodAnalyser : IInsightAnalyser
{
    public const int Window = 20;
    public const int MinimumLate = 3;

    public IEnumerable<Insight> Analyse(InsightInput input)
    {
        foreach (var service in input.Declared)
        {
            // Without a start_period a start that is not healthy yet is never killed (a slow start, not a hang).
            if (service.Health is not { StartPeriod: var period } || period <= TimeSpan.Zero)
            {
                continue;
            }

            var starts = input.StartsOf(service).Where(s => s.HealthyAfter is not null || s.KilledAfter is not null && !s.KilledNotReady)
                .TakeLast(Window).ToList();
            var late = starts.Where(s => s.HealthyAfter > period).Select(s => s.HealthyAfter!.Value).Order().ToList();
            var killed = starts.Where(s => s.HealthyAfter is null).Select(s => s.KilledAfter!.Value).Order().ToList();
            var bad = late.Count + killed.Count;
            if (bad < MinimumLate || bad * 4 < starts.Count)
            {
                continue;
            }

            var target = late.Count > 0 ? late[^1] * 1.3 : killed[^1] * 2;
            var proposed = InsightValues.RoundUp(target > period ? target : period * 2);
            yield return Build(service, period, proposed, starts, late, killed);
        }
    }

    private static Insight Build(ServiceConfig service, TimeSpan period, TimeSpan proposed, List<StartRecord> starts, List<TimeSpan> late,
        List<TimeSpan> killed)
    {
        var name = service.DeclaredName;
        var current = InsightValues.Duration(period);
        var evidence = new List<string>();
        if (late.Count > 0)
        {
            evidence.Add($"{late.Count} of its last {starts.Count} starts became healthy after {InsightValues.Seconds(late[0], late[^1])}");
        }

        if (killed.Count > 0)
        {
            var twice = starts.Zip(starts.Skip(1)).Count(p => p.First.HealthyAfter is null && p.Second.HealthyAfter is not null);
            evidence.Add($"{killed.Count} of its last {starts.Count} starts were killed as hung {InsightValues.Seconds(killed[0], killed[^1])} after start, before their first healthy check"
                + (twice > 0 ? $"; {twice} time{(twice == 1 ? "" : "s")} the next start came up (it needs two starts)" : ""));
        }

        var summary = $"{name}: start_period {current}; {evidence[0]}; suggest {InsightValues.Duration(proposed)}";
        return new Insight(Insight.IdOf(InsightKinds.StartPeriod, name), name, InsightKinds.StartPeriod, summary, [.. evidence],
            InsightProposal.Set(name, current, InsightValues.Duration(proposed), "health", "start_period"));
    }
}
