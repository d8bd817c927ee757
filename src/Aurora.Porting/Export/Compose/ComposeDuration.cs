using System.Globalization;

namespace Aurora.Porting.Export.Compose;

/// A duration in Compose's form (`90s`, `1500ms`).
internal static class ComposeDuration
{
    public static string Of(TimeSpan span) => span.Ticks % TimeSpan.TicksPerSecond == 0
        ? ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s"
        : ((long)Math.Ceiling(span.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";
}
