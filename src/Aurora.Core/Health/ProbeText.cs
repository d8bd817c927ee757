using System.Globalization;
using System.Net.Sockets;

namespace Aurora.Core.Health;

/// The words probes use in HealthResult.Detail, so that every kind of check reads the same.
internal static class ProbeText
{
    /// "2s", "500ms", "1.5s": the spelling of aurora.yaml durations.
    public static string Duration(TimeSpan d) =>
        d.TotalMilliseconds < 1000
            ? ((long)d.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms"
            : d.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    public static string TimedOut(TimeSpan timeout) => "timed out after " + Duration(timeout);

    public static string Socket(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
        SocketError.HostUnreachable => "host unreachable",
        SocketError.NetworkUnreachable => "network unreachable",
        SocketError.TimedOut => "connect timed out",
        SocketError.AddressNotAvailable => "address not available",
        _ => error.ToString(),
    };
}
