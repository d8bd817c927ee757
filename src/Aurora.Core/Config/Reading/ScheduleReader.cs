using Aurora.Core.Scheduling;

namespace Aurora.Core.Config.Reading;

/// `schedule: { cron: "*/5 * * * *", timezone: UTC, overlap: skip }` or `schedule: { every: 10m }` (SPEC §3).
internal static class ScheduleReader
{
    public static readonly string[] Keys = ["cron", "every", "timezone", "overlap"];

    private static readonly (string, bool)[] Overlaps = [("skip", false), ("allow", true)];

    public static ScheduleConfig? Read(YamlMap service)
    {
        if (service.Map("schedule", Keys) is not { } map)
        {
            return null;
        }

        var cron = map.String("cron");
        TimeSpan? every = map.Has("every") ? map.Duration("every", TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), TimeSpan.FromDays(366)) : null;
        if ((cron is null) == (every is null))
        {
            map.Bag.Error(service.Get("schedule")!.Start, service.PathOf("schedule"),
                "give either cron: \"*/5 * * * *\" or every: 10m (one of them)");
            return null;
        }

        if (cron is not null)
        {
            try
            {
                ScheduleClock.Parse(cron);
            }
            catch (Cronos.CronFormatException e)
            {
                map.Bag.Error(map.Get("cron")!.Start, map.PathOf("cron"),
                    $"{YamlNodes.Quote(cron)} is not a cron expression ({e.Message.TrimEnd('.')}); use five fields, e.g. \"*/5 * * * *\" (every five minutes)");
                cron = null;
            }
        }

        var zone = map.String("timezone");
        if (zone is not null)
        {
            try
            {
                _ = ScheduleClock.Zone(zone);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                map.Bag.Error(map.Get("timezone")!.Start, map.PathOf("timezone"), $"{YamlNodes.Quote(zone)} is not a time zone; use an IANA name such as UTC or Europe/Berlin");
                zone = null;
            }
        }

        return cron is null && every is null ? null : new ScheduleConfig(cron, every, zone, map.Choice("overlap", false, Overlaps));
    }
}
