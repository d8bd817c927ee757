using System.Net;
using System.Net.Sockets;

namespace Aurora.Core.Health;

/// Connects to "host:port" (or "[v6]:port") and closes at once: healthy when the connect succeeds.
/// "localhost" is tried as 127.0.0.1 then ::1 without asking a resolver, so a service bound to either
/// loopback passes; other names are resolved and every address is tried in order.
///
/// A loopback address is first tried with LoopbackConnect, which settles inside the call: a check of a
/// local service then completes synchronously, with no socket-engine or thread-pool work (most checks are
/// of local services). Whatever that cannot settle goes through Socket.ConnectAsync as before.
public sealed class TcpProbe : IHealthProbe
{
    private static readonly IPAddress[] Loopback = [IPAddress.Loopback, IPAddress.IPv6Loopback];

    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    // An IP literal or "localhost": the addresses, each one's fast-path sockaddr (null when it has none)
    // and its success text, worked out once. Null for a name that is resolved at each check.
    private readonly IPAddress[]? _fixed;
    private readonly byte[]?[] _socketAddresses = [];
    private readonly string[] _connectedTexts = [];

    // A resolved name's last success text, reused while the name keeps resolving to that address.
    private Connected? _lastConnected;

    public TcpProbe(string target, TimeSpan timeout, TimeProvider time)
    {
        (Host, Port) = Parse(target);
        _timeout = timeout;
        _time = time;
        _fixed = IPAddress.TryParse(Host, out var ip) ? [ip]
            : string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase) ? Loopback
            : null;
        if (_fixed is not null)
        {
            _socketAddresses = [.. _fixed.Select(a => LoopbackConnect.Supports(a) ? LoopbackConnect.SocketAddress(a, Port) : null)];
            _connectedTexts = [.. _fixed.Select(ConnectedText)];
        }
    }

    public string Host { get; }

    public int Port { get; }

    public Task<HealthResult> CheckAsync(CancellationToken ct)
    {
        var start = _time.GetTimestamp();
        if (_fixed is null || ct.IsCancellationRequested)
        {
            return CheckAsync(start, 0, SocketError.HostNotFound, ct);
        }

        // The synchronous part: every address the fast path settles, in order, until one connects or one
        // needs the socket engine.
        var error = SocketError.HostNotFound;
        for (var i = 0; i < _fixed.Length; i++)
        {
            var outcome = _socketAddresses[i] is { } sa ? LoopbackConnect.Try(sa) : LoopbackConnect.Outcome.Pending;
            switch (outcome)
            {
                case LoopbackConnect.Outcome.Connected:
                    return Task.FromResult(new HealthResult(true, _connectedTexts[i], _time.GetElapsedTime(start)));
                case LoopbackConnect.Outcome.Refused:
                    error = SocketError.ConnectionRefused;
                    continue;
                default:
                    return CheckAsync(start, i, error, ct);
            }
        }

        return Task.FromResult(new HealthResult(false, ProbeText.Socket(error), _time.GetElapsedTime(start)));
    }

    /// The addresses from index `from` on, through Socket.ConnectAsync; `error` is the last address's so far.
    private async Task<HealthResult> CheckAsync(long start, int from, SocketError error, CancellationToken ct)
    {
        try
        {
            var addresses = _fixed ?? await Dns.GetHostAddressesAsync(Host, ct);
            for (var i = from; i < addresses.Length; i++)
            {
                var address = addresses[i];
                if (_fixed is null && LoopbackConnect.Supports(address))
                {
                    // A name that resolves to loopback: the fast path still saves the socket engine's work.
                    switch (LoopbackConnect.Try(LoopbackConnect.SocketAddress(address, Port)))
                    {
                        case LoopbackConnect.Outcome.Connected:
                            return new HealthResult(true, ConnectedText(i, address), _time.GetElapsedTime(start));
                        case LoopbackConnect.Outcome.Refused:
                            error = SocketError.ConnectionRefused;
                            continue;
                    }
                }

                using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(address, Port, ct);
                    // A graceful close, not an RST: services should not log "connection reset" every second.
                    // The TIME_WAIT this leaves is per (address, port) and a few dozen at most per service.
                    return new HealthResult(true, ConnectedText(i, address), _time.GetElapsedTime(start));
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

    /// The success text, without formatting a new string at every check.
    private string ConnectedText(int index, IPAddress address)
    {
        if (_fixed is not null)
        {
            return _connectedTexts[index];
        }

        if (_lastConnected is { } last && last.Address.Equals(address))
        {
            return last.Text;
        }

        var text = ConnectedText(address);
        _lastConnected = new Connected(address, text);
        return text;
    }

    private string ConnectedText(IPAddress address) => $"connected to {address}:{Port}";

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

    private sealed record Connected(IPAddress Address, string Text);
}
