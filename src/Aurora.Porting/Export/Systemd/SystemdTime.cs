using System.Globalization;

namespace Aurora.Porting.Export.Systemd;

/// A duration as systemd reads it (systemd.time(7)): whole seconds as `90s`, anything finer in `ms`.
internal static class SystemdTime
{
    public static string Span(TimeSpan span) => span.Ticks % TimeSpan.TicksPerSecond == 0
        ? ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s"
        : ((long)Math.Ceiling(span.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";
}
