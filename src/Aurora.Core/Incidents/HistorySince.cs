using System.Globalization;
using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Incidents;

/// `--since`: a duration back from now (`90s 30m 2h 1d`) or an ISO-8601 time.
public static class HistorySince
{
    public const string AllowedForms = "use a duration such as 30m, 2h or 1d, or an ISO-8601 time";

    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset? since)
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

        return false;
    }
}
