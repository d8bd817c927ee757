using System.Globalization;
using System.Text.Json;
using Aurora.Contracts.V1;

namespace Aurora.Daemon.Entry;

/// One line per event for people (`aurora events`, the detached daemon's log): "10:15:03.118  api       service.exited  pid=4242 signal=SIGKILL".
public static class EventPrinter
{
    public static string Line(EventDto e)
    {
        var time = e.Time.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var service = (e.Service ?? "aurora").PadRight(10);
        var type = Ansi.Paint(e.Type.PadRight(18), TypeColour(e.Type));
        return $"{time}  {service} {type} {Details(e.Data)}".TrimEnd();
    }

    private static string Details(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            return "";
        }

        var parts = new List<string>();
        foreach (var p in data.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var value = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            parts.Add(value.Contains(' ') ? $"{p.Name}=\"{value}\"" : $"{p.Name}={value}");
        }

        return string.Join(' ', parts);
    }

    private static string TypeColour(string type) => type switch
    {
        _ when type.EndsWith(".healthy", StringComparison.Ordinal) || type.EndsWith(".started", StringComparison.Ordinal) => "32",
        _ when type.EndsWith(".exited", StringComparison.Ordinal) || type.EndsWith(".failed", StringComparison.Ordinal)
            || type.EndsWith(".unhealthy", StringComparison.Ordinal) || type.EndsWith(".degraded", StringComparison.Ordinal) => "31",
        _ when type.EndsWith(".backoff", StringComparison.Ordinal) || type.EndsWith(".pending", StringComparison.Ordinal) => "33",
        _ => "90",
    };
}
