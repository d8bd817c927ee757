namespace Aurora.Core.Insights.Analysers;

/// `ready.timeout` too short: starts killed because they were not ready in time, or ready in more than four
/// fifths of it. Proposes the slowest ready time with half more, or twice the timeout when none was ever ready.
public sealed class ReadyTimeoutAnalyser : IInsightAnalyser
{
    public IEnumerable<Insight> Analyse(InsightInput input)
    {
        foreach (var service in input.Declared)
        {
            if (service.Ready is not { Timeout: var timeout })
            {
                continue;
            }

            var starts = input.StartsOf(service).Where(s => s.ReadyAfter is not null || s.KilledNotReady).TakeLast(StartPeriodAnalyser.Window).ToList();
            var close = starts.Where(s => s.ReadyAfter > timeout * 0.8).Select(s => s.ReadyAfter!.Value).Order().ToList();
            var killed = starts.Count(s => s.KilledNotReady);
            if (close.Count + killed < StartPeriodAnalyser.MinimumLate)
            {
                continue;
            }

            var target = close.Count > 0 ? close[^1] * 1.5 : timeout * 2;
            var proposed = InsightValues.RoundUp(target > timeout ? target : timeout * 2);
            var name = service.DeclaredName;
            var current = InsightValues.Duration(timeout);
            var evidence = new List<string>();
            if (killed > 0)
            {
                evidence.Add($"{killed} of its last {starts.Count} starts were killed for not being ready within {current}");
            }

            if (close.Count > 0)
            {
                evidence.Add($"{close.Count} of its last {starts.Count} starts were ready only after {InsightValues.Seconds(close[0], close[^1])}, close to the {current} limit");
            }

            yield return new Insight(Insight.IdOf(InsightKinds.ReadyTimeout, name), name, InsightKinds.ReadyTimeout,
                $"{name}: ready.timeout {current}; {evidence[0]}; suggest {InsightValues.Duration(proposed)}", [.. evidence],
                InsightProposal.Set(name, current, InsightValues.Duration(proposed), "ready", "timeout"));
        }
    }
}
