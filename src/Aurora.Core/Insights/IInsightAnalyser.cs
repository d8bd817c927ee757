namespace Aurora.Core.Insights;

/// One kind of insight over the history: pure, so it is tested with synthetic histories on a fake clock.
public interface IInsightAnalyser
{
    IEnumerable<Insight> Analyse(InsightInput input);
}
