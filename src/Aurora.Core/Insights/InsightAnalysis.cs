using System.Collections.Immutable;
using Aurora.Core.Insights.Analysers;

namespace Aurora.Core.Insights;

/// Every analyser over one input: the insights with a proposal first, then by service in config order and id.
public static class InsightAnalysis
{
    private static readonly ImmutableArray<IInsightAnalyser> All =
    [
        new StartPeriodAnalyser(), new ReadyTimeoutAnalyser(), new HealthTimeoutAnalyser(), new MemoryLimitAnalyser(),
        new RestartLimitAnalyser(), new FailingFixAnalyser(), new ReliabilityAnalyser(), new FlappingAnalyser(), new TimeOfDayAnalyser(),
    ];

    public static ImmutableArray<Insight> Run(InsightInput input)
    {
        var order = input.Declared.Select((s, i) => (s.DeclaredName, i)).ToDictionary(p => p.DeclaredName, p => p.i);
        return [.. All.SelectMany(a => a.Analyse(input))
            .OrderBy(i => i.Proposal is null)
            .ThenBy(i => order.GetValueOrDefault(i.Service, int.MaxValue))
            .ThenBy(i => i.Id, StringComparer.Ordinal)];
    }
}
