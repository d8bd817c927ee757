using System.Collections.Immutable;
using System.Globalization;

namespace Aurora.Porting.Export.Systemd;

/// One field of a cron expression (`*/5`, `1-5`, `MON-FRI`, `0,30`) as the set of values it allows, or why it
/// cannot be had (Quartz-style `L`, `W`, `#`).
internal sealed record CronField(int Min, int Max, ImmutableSortedSet<int> Values, bool Unrestricted)
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public bool IsFull => Values.Count == Max - Min + 1;

    /// Parses a field; kind is "month" or "weekday" for names (weekday 7 is Sunday, as 0).
    public static (CronField? Field, string? Why) Parse(string text, int min, int max, string kind)
    {
        var values = ImmutableSortedSet.CreateBuilder<int>();
        var unrestricted = text is "*" or "?";
        foreach (var item in text.Split(','))
        {
            var (range, step) = item.Split('/') is [var r, var s] ? (r, Number(s, kind)) : (item, 1);
            int from, to;
            if (range is "*" or "?")
            {
                (from, to) = (min, max);
            }
            else if (range.Split('-') is [var a, var b])
            {
                (from, to) = (Number(a, kind), Number(b, kind));
            }
            else
            {
                from = Number(range, kind);
                to = item.Contains('/') ? max : from;
            }

            if (step < 1 || from < min || to > (kind == "weekday" ? 7 : max) || from > to)
            {
                return (null, $"\"{text}\" is not a value, range, list or step systemd has (L, W and # have no calendar form)");
            }

            for (var v = from; v <= to; v += step)
            {
                values.Add(kind == "weekday" && v == 7 ? 0 : v);
            }
        }

        return (new CronField(min, max, values.ToImmutable(), unrestricted), null);
    }

    /// The field in OnCalendar= syntax: `*`, `00/5` (from 0 every 5), `01..05,07` or, for weekdays, `Mon..Fri`.
    public string Render(bool weekday = false)
    {
        if (IsFull)
        {
            return "*";
        }

        var list = Values.ToList();
        if (!weekday && list.Count > 2 && Arithmetic(list) is { } step && list[^1] + step > Max)
        {
            return $"{list[0]:00}/{step}";
        }

        var parts = new List<string>();
        for (var i = 0; i < list.Count;)
        {
            var j = i;
            while (j + 1 < list.Count && list[j + 1] == list[j] + 1)
            {
                j++;
            }

            parts.Add(j > i ? $"{Show(list[i], weekday)}..{Show(list[j], weekday)}" : Show(list[i], weekday));
            i = j + 1;
        }

        return string.Join(',', parts);
    }

    private static int? Arithmetic(List<int> list)
    {
        var step = list[1] - list[0];
        return list.Zip(list.Skip(1)).All(p => p.Second - p.First == step) ? step : null;
    }

    private static string Show(int value, bool weekday) =>
        weekday ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(Days[value].ToLowerInvariant()) : value.ToString("00", CultureInfo.InvariantCulture);

    private static int Number(string text, string kind)
    {
        var names = kind switch { "month" => Months, "weekday" => Days, _ => [] };
        var at = Array.IndexOf(names, text.ToUpperInvariant());
        if (at >= 0)
        {
            return kind == "month" ? at + 1 : at;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
    }
}
