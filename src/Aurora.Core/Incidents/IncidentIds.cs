using System.Globalization;

namespace Aurora.Core.Incidents;

/// Incident ids are "inc-N", N a number that is never reused.
public static class IncidentIds
{
    public const string Prefix = "inc-";

    public static string Format(long number) => Prefix + number.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string id, out long number)
    {
        number = 0;
        return id.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(id.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number > 0;
    }
}
