using Aurora.Core.Config;

namespace Aurora.Porting.Export.Kubernetes;

/// A schedule as a CronJob's five-field `schedule`: cron as it is (a six-field one, with seconds, has no form);
/// `every` when it divides an hour or a day, as the clock-aligned cron that runs as often.
internal static class KubernetesSchedule
{
    public static (string? Cron, string? Why) Of(ScheduleConfig schedule)
    {
        if (schedule.Cron is { } cron)
        {
            return cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6
                ? (null, $"\"{cron}\" has seconds; a CronJob's schedule is five fields")
                : (cron, null);
        }

        var every = schedule.Every!.Value;
        var minutes = every.TotalMinutes;
        return minutes switch
        {
            _ when minutes == 1 => ("* * * * *", null),
            _ when minutes < 60 && minutes == Math.Floor(minutes) && 60 % minutes == 0 => ($"*/{minutes} * * * *", null),
            _ when minutes == 60 => ("0 * * * *", null),
            _ when every.TotalHours is var h && h < 24 && h == Math.Floor(h) && 24 % h == 0 => ($"0 */{h} * * *", null),
            _ when every == TimeSpan.FromDays(1) => ("0 0 * * *", null),
            _ => (null, $"every {every} does not divide an hour or a day, so no cron schedule runs as often"),
        };
    }
}
