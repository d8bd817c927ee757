using System.Globalization;
using Aurora.Core.Ask;
using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Incidents;

/// `--since`: a duration back from now (`90s 30m 2h 1d`), an ISO-8601 time, or a plain phrase: "today",
/// "yesterday", "since yesterday", "last night", "in the last hour", "past 2 days", "3 hours ago", "this week".
/// "today" and "yesterday" begin at local midnight (the zone given, else the machine's).
public static class HistorySince
{
    public const string AllowedForms =
        "use a duration such as 30m, 2h or 1d, an ISO-8601 time, or a phrase such as today, yesterday or \"in the last hour\"";

    public const string Today = "today";
    public const string Yesterday = "yesterday";

    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset? since) =>
        TryParse(text, now, TimeZoneInfo.Local, out since);

    public static bool TryParse(string? text, DateTimeOffset now, TimeZoneInfo zone, out DateTimeOffset? since)
    {
        since = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        text = text.Trim();
        if (DurationParser.TryParse(text, out var back))
        {
            since = now - back;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            since = at.ToUniversalTime();
            return true;
        }

        var words = text.ToLowerInvariant().Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        if (TryReadPhrase(words, out var phrase))
        {
            since = Resolve(phrase, now, zone);
            return true;
        }

        return false;
    }

    /// Reads a whole span of words as a time phrase; `normalised` is "today", "yesterday" or a duration ("1h").
    public static bool TryReadPhrase(ReadOnlySpan<string> words, out string normalised)
    {
        normalised = "";
        var w = words;
        if (w.Length > 0 && w[0] is "since" or "in" or "over" or "during" or "within" or "for" or "from")
        {
            w = w[1..];
        }

        if (w.Length > 0 && w[0] == "the")
        {
            w = w[1..];
        }

        if (w is ["today"] or ["this", "morning" or "afternoon" or "evening"] or ["tonight"])
        {
            normalised = Today;
            return true;
        }

        if (w is ["yesterday"] or ["last", "night"])
        {
            normalised = Yesterday;
            return true;
        }

        if (w is ["this", "week"])
        {
            normalised = "7d";
            return true;
        }

        TimeSpan span;
        if (w.Length > 0 && w[0] is "last" or "past" or "previous" && Amount(w[1..], out span))
        {
            normalised = DurationParser.Format(span);
            return true;
        }

        if (w.Length > 1 && w[^1] == "ago" && Amount(w[..^1], out span))
        {
            normalised = DurationParser.Format(span);
            return true;
        }

        if (words.Length == 2 && words[0] is "since" or "in" or "over" or "within" && DurationParser.TryParse(words[1], out span) && span > TimeSpan.Zero)
        {
            normalised = DurationParser.Format(span);
            return true;
        }

        return false;
    }

    /// The time a normalised phrase stands for.
    public static DateTimeOffset Resolve(string phrase, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (phrase is Today or Yesterday)
        {
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var day = local.Date.AddDays(phrase == Yesterday ? -1 : 0);
            return new DateTimeOffset(day, zone.GetUtcOffset(day)).ToUniversalTime();
        }

        return DurationParser.TryParse(phrase, out var back) ? now - back : now;
    }

    /// "hour", "2 hours", "an hour", "30 minutes", "90s": an amount of time.
    private static bool Amount(ReadOnlySpan<string> w, out TimeSpan span)
    {
        span = TimeSpan.Zero;
        if (w is [var single] && DurationParser.TryParse(single, out span))
        {
            return span > TimeSpan.Zero;
        }

        var n = 1.0;
        if (w.Length == 2 && w[0] is not ("a" or "an") && !NumberWords.TryRead(w[0], out n))
        {
            return false;
        }

        if (w.Length is 0 or > 2 || UnitOf(w[^1]) is not { } unit || n <= 0)
        {
            return false;
        }

        span = unit * n;
        return true;
    }

    private static TimeSpan? UnitOf(string word) => word switch
    {
        "s" or "sec" or "secs" or "second" or "seconds" => TimeSpan.FromSeconds(1),
        "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(1),
        "h" or "hr" or "hrs" or "hour" or "hours" => TimeSpan.FromHours(1),
        "d" or "day" or "days" => TimeSpan.FromDays(1),
        "w" or "wk" or "week" or "weeks" => TimeSpan.FromDays(7),
        _ => null,
    };
}
