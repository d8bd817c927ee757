using Aurora.Core.Config;
using Aurora.Layout;

namespace Aurora.Porting.Export.Systemd;

/// A schedule as a `.timer` that starts the one-shot service of the same name: cron as OnCalendar=, `every` as
/// OnActiveSec= and OnUnitActiveSec= (the first run one interval after the timer starts, as under Aurora). Null
/// when the cron has no calendar form (the omission says why).
internal static class SystemdTimerUnit
{
    public static string? Render(ServiceConfig s, ScheduleConfig schedule, SystemdContext ctx)
    {
        var lines = new List<string>
        {
            $"# Exported by `aurora export systemd` from {ctx.Config.FilePath}: the schedule of {s.Name}.",
            "[Unit]",
            $"Description={SystemdSyntax.Value($"{ctx.Names.Project}: {s.Name}, on schedule")}",
            $"PartOf={ctx.Names.Target}",
            "",
            "[Timer]",
        };
        if (schedule.Every is { } every)
        {
            lines.Add($"OnActiveSec={SystemdTime.Span(every)}");
            lines.Add($"OnUnitActiveSec={SystemdTime.Span(every)}");
        }
        else
        {
            var (calendar, why) = CronCalendar.Convert(schedule.Cron!, schedule.TimeZone);
            if (calendar is null)
            {
                ctx.Omissions.Add(s.Name, "schedule", $"{why}; no timer was written: start {ctx.Names.File(s)} from a timer of your own");
                return null;
            }

            lines.Add($"OnCalendar={SystemdSyntax.Value(calendar)}");
        }

        // systemd's default accuracy is a minute; Aurora runs on time.
        lines.Add("AccuracySec=1s");
        lines.Add($"Unit={ctx.Names.File(s)}");
        if (schedule.AllowOverlap)
        {
            ctx.Omissions.Add(s.Name, "schedule.overlap: allow", "systemd never starts a unit that is still running: a run due then is skipped");
        }

        return string.Join('\n', lines) + "\n";
    }
}
