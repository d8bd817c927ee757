using System.Globalization;
using System.Text.Json;

namespace Aurora.Porting.Import.Pm2;

/// Lenient reads of a PM2 app: PM2 takes "4" and 4, "true" and true alike.
internal static class Json
{
    public static string? Text(JsonElement app, string key) =>
        app.TryGetProperty(key, out var v) ? Scalar(v) : null;

    public static string? Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static bool? Bool(JsonElement app, string key) => Text(app, key) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    public static double? Number(JsonElement app, string key) =>
        double.TryParse(Text(app, key), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// A string (split into words) or an array of strings.
    public static List<string>? Words(JsonElement app, string key) => app.TryGetProperty(key, out var v)
        ? v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Select(Scalar).Where(s => s is not null).Select(s => s!)]
            : Scalar(v) is { } text ? ShellWords.Split(text) ?? [text] : null
        : null;
}
