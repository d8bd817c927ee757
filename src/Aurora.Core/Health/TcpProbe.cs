using System.Net;
using System.Net.Sockets;

namespace Aurora.Core.Health;

/// Connects to "host:port" (or "[v6]:port") and closes at once: healthy when the connect succeeds.
/// "localhost" is tried as 127.0.0.1 then ::1 without asking a resolver, so a service bound to either
/// loopback passes; other names are resolved and every address is tried in order.
public sealed class TcpProbe : IHealthProbe
{
    private static readonly IPAddress[] Loopback = [IPAddress.Loopback, IPAddress.IPv6Loopback];

    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    public TcpProbe(string target, TimeSpan timeout, TimeProvider time)
    {
        (Host, Port) = Parse(target);
        _timeout = timeout;
        _time = time;
    }

    public string Host { get; }

    public int Port { get; }

    public async Task<HealthResult> CheckAsync(CancellationToken ct)
    {
        var start = _time.GetTimestamp();
        try
        {
            var addresses = await ResolveAsync(ct);
            var error = SocketError.HostNotFound;
            foreach (var address in addresses)
            {
                using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(address, Port, ct);
                    // A graceful close, not an RST: services should not log "connection reset" every second.
                    // The TIME_WAIT this leaves is per (address, port) and a few dozen at most per service.
                    return new HealthResult(true, $"connected to {address}:{Port}", _time.GetElapsedTime(start));
                }
                catch (SocketException ex)
                {
                    error = ex.SocketErrorCode;
                }
            }

            return new HealthResult(false, ProbeText.Socket(error), _time.GetElapsedTime(start));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new HealthResult(false, ProbeText.TimedOut(_timeout), _time.GetElapsedTime(start), TimedOut: true);
        }
        catch (SocketException ex)
        {
            return new HealthResult(false, ProbeText.Socket(ex.SocketErrorCode), _time.GetElapsedTime(start));
        }
    }

    private async ValueTask<IPAddress[]> ResolveAsync(CancellationToken ct)
    {
        if (IPAddress.TryParse(Host, out var ip))
        {
            return [ip];
        }

        if (string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return Loopback;
        }

        return await Dns.GetHostAddressesAsync(Host, ct);
    }

    /// "host:port", "[::1]:port". Throws FormatException: the config loader has validated it already.
    internal static (string Host, int Port) Parse(string target)
    {
        var colon = target.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(target.AsSpan(colon + 1), out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"\"{target}\" is not host:port");
        }

        var host = target[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        return (host, port);
    }
}
