using Aurora.Core.Events;

namespace Aurora.Core.Insights.Analysers;

/// A flapping service: in the last day, it went down (reported unhealthy, or exited without being asked) six
/// times or more within one hour and came back each time. Informational: the cause is in the service (the
/// other insights propose what the config can do: start_period, timeout, restart.limit).
public sealed class FlappingAnalyser : IInsightAnalyser
{
    public const int MinimumFlaps = 6;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public IEnumerable<Insight> Analyse(InsightInput input)
    {
        foreach (var service in input.Declared)
        {
            var downs = input.Events.Where(e => input.BelongsTo(e.Service, service) && e.Time >= input.Now - TimeSpan.FromDays(1)
                    && (e.Type == EventTypes.ServiceUnhealthy || e.Type == EventTypes.ServiceExited && !StartHistory.Flag(e.Data, "requested")))
                .ToList();

            // The busiest hour: for each down, how many follow within the window.
            var (best, from) = (0, 0);
            for (int i = 0, j = 0; i < downs.Count; i++)
            {
                while (downs[j].Time < downs[i].Time - Window)
                {
                    j++;
                }

                if (i - j + 1 > best)
                {
                    (best, from) = (i - j + 1, j);
                }
            }

            if (best < MinimumFlaps)
            {
                continue;
            }

            var hour = downs.Skip(from).Take(best).ToList();
            var name = service.DeclaredName;
            var unhealthy = hour.Count(e => e.Type == EventTypes.ServiceUnhealthy);
            yield return new Insight(Insight.IdOf(InsightKinds.Flapping, name), name, InsightKinds.Flapping,
                $"{name} is flapping: it went down {best} times within an hour ({hour[0].Time:HH:mm}–{hour[^1].Time:HH:mm}Z)",
                [$"{unhealthy} unhealthy reports and {best - unhealthy} exits nobody asked for, between {hour[0].Time:yyyy-MM-dd HH:mm}Z and {hour[^1].Time:HH:mm}Z",
                 $"{downs.Count} in the last 24 hours"],
                null);
        }
    }
}
