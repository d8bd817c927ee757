using Aurora.Core.Events;

namespace Aurora.Core.Insights.Analysers;

/// `restart.limit` reached repeatedly by a service that then ran fine once started again: the bursts of exits
/// were transient (a dependency restarting, a slow disk), and each cost a quarantine until someone ran
/// `aurora start`. Proposes twice the count, same window.
public sealed class RestartLimitAnalyser : IInsightAnalyser
{
    public const int MinimumQuarantines = 2;

    public IEnumerable<Insight> Analyse(InsightInput input)
    {
        foreach (var service in input.Declared)
        {
            var limit = service.Restart.Limit;
            var quarantines = input.EventsOf(service, EventTypes.ServiceFailed).Select(e => e.Time).ToList();
            if (quarantines.Count < MinimumQuarantines)
            {
                continue;
            }

            // Recovered: a later start (before the next quarantine) ran longer than the limit's window, or still runs.
            var starts = input.StartsOf(service).ToList();
            var recovered = quarantines.Select((at, i) => starts.Any(s => s.At > at && (i + 1 == quarantines.Count || s.At < quarantines[i + 1])
                && (s.Ran is { } ran ? ran > limit.Within : input.Now - s.At > limit.Within))).Count(ok => ok);
            if (recovered < MinimumQuarantines)
            {
                continue;
            }

            var name = service.DeclaredName;
            var current = limit.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var proposed = (limit.Count * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return new Insight(Insight.IdOf(InsightKinds.RestartLimit, name), name, InsightKinds.RestartLimit,
                $"{name}: restart.limit.count {current}; quarantined {quarantines.Count} times, and {recovered} times it then ran fine once started again; suggest {proposed}",
                [$"reached {limit.Count} exits within {InsightValues.Duration(limit.Within)} {quarantines.Count} times (last {quarantines[^1]:yyyy-MM-dd HH:mm}Z)",
                 $"{recovered} of those times a later start ran longer than {InsightValues.Duration(limit.Within)}: the exits came in a burst, not a loop"],
                InsightProposal.Set(name, current, proposed, "restart", "limit", "count"));
        }
    }
}
