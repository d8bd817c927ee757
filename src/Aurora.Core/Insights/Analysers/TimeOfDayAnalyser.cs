using Aurora.Core.Events;

namespace Aurora.Core.Insights.Analysers;

/// Restarts clustered at a time of day: of the service's exits nobody asked for in the last 30 days (five or
/// more), at least 60% (and four) began within the same two hours of the day, in the host's time zone. Often a
/// cron job, a backup or a log rotation elsewhere. Informational.
public sealed class TimeOfDayAnalyser : IInsightAnalyser
{
    public const int MinimumRestarts = 5;

    public IEnumerable<Insight> Analyse(InsightInput input)
    {
        foreach (var service in input.Declared)
        {
            var hours = input.EventsOf(service, EventTypes.ServiceExited)
                .Where(e => !StartHistory.Flag(e.Data, "requested") && e.Time >= input.Now - TimeSpan.FromDays(30))
                .Select(e => TimeZoneInfo.ConvertTime(e.Time, input.Zone).Hour).ToList();
            if (hours.Count < MinimumRestarts)
            {
                continue;
            }

            var byHour = new int[24];
            hours.ForEach(h => byHour[h]++);
            var start = Enumerable.Range(0, 24).MaxBy(h => byHour[h] + byHour[(h + 1) % 24]);
            var inWindow = byHour[start] + byHour[(start + 1) % 24];
            if (inWindow < 4 || inWindow * 10 < hours.Count * 6)
            {
                continue;
            }

            var name = service.DeclaredName;
            var zone = input.Zone.Id;
            yield return new Insight(Insight.IdOf(InsightKinds.TimeOfDay, name), name, InsightKinds.TimeOfDay,
                $"{name}: {inWindow} of its {hours.Count} restarts in the last 30 days began between {start:00}:00 and {(start + 2) % 24:00}:00 ({zone})",
                [$"restarts by hour ({zone}): {string.Join(", ", Enumerable.Range(0, 24).Where(h => byHour[h] > 0).Select(h => $"{h:00}h ×{byHour[h]}"))}",
                 "look for what else runs then: a cron job, a backup, a log rotation"],
                null);
        }
    }
}
