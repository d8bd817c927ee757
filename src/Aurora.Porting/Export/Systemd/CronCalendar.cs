namespace Aurora.Porting.Export.Systemd;

/// A cron expression (five fields, or six with seconds first, as Aurora's schedule takes) as a systemd
/// `OnCalendar=`, or why it has none: systemd ANDs day-of-month and weekday where cron ORs them when both are set.
public static class CronCalendar
{
    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
        ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@hourly"] = "0 * * * *",
        ["@every_minute"] = "* * * * *",
        ["@every_second"] = "* * * * * *",
    };

    /// Calendar is null when Why says why it cannot be converted. timeZone: an IANA name appended, or null (local).
    public static (string? Calendar, string? Why) Convert(string cron, string? timeZone)
    {
        var text = Macros.TryGetValue(cron.Trim(), out var expanded) ? expanded : cron;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6))
        {
            return (null, $"\"{cron}\" has {fields.Length} fields; five (or six with seconds) convert");
        }

        var seconds = fields.Length == 6 ? fields[0] : "0";
        var f = fields.Length == 6 ? fields[1..] : fields;
        var parsed = new[]
        {
            CronField.Parse(seconds, 0, 59, "second"), CronField.Parse(f[0], 0, 59, "minute"), CronField.Parse(f[1], 0, 23, "hour"),
            CronField.Parse(f[2], 1, 31, "day"), CronField.Parse(f[3], 1, 12, "month"), CronField.Parse(f[4], 0, 6, "weekday"),
        };
        if (parsed.FirstOrDefault(p => p.Why is not null).Why is { } why)
        {
            return (null, $"{cron}: {why}");
        }

        var (sec, min, hour, day, month, weekday) = (parsed[0].Field!, parsed[1].Field!, parsed[2].Field!, parsed[3].Field!, parsed[4].Field!, parsed[5].Field!);
        if (!day.Unrestricted && !weekday.Unrestricted)
        {
            return (null, $"\"{cron}\" runs when the day of the month OR the weekday matches; systemd's calendar requires both");
        }

        var dow = weekday.IsFull ? "" : weekday.Render(weekday: true) + " ";
        var zone = timeZone is null ? "" : " " + timeZone;
        return ($"{dow}*-{month.Render()}-{day.Render()} {hour.Render()}:{min.Render()}:{sec.Render()}{zone}", null);
    }
}
