using Aurora.Core.Config;
using Cronos;

namespace Aurora.Core.Scheduling;

/// When a scheduled service runs next (SPEC §3 `schedule:`): a cron expression (five fields, or six with seconds)
/// in the host's time zone or the one named, or a fixed interval. Pure: the clock is an argument.
public static class ScheduleClock
{
    /// The first run strictly after `now`; null when a cron expression never fires again.
    public static DateTimeOffset? Next(ScheduleConfig schedule, DateTimeOffset now)
    {
        if (schedule.Every is { } every)
        {
            return now + every;
        }

        var expression = Parse(schedule.Cron!);
        return expression.GetNextOccurrence(now, Zone(schedule.TimeZone));
    }

    /// Parses five-field cron, or six fields with seconds first; throws CronFormatException for a bad one.
    public static CronExpression Parse(string cron) =>
        CronExpression.Parse(cron, cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);

    /// The named zone (IANA id, e.g. Europe/Berlin, or UTC), or the host's local one.
    public static TimeZoneInfo Zone(string? id) => id is null ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(id);
}
