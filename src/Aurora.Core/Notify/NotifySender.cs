using System.Net.Sockets;
using System.Text;

namespace Aurora.Core.Notify;

/// Sends sd_notify datagrams to one address: what sd_notify(3) does, and what `systemd-notify` runs.
public sealed class NotifySender : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly UnixDomainSocketEndPoint _endPoint;

    public NotifySender(NotifyAddress address)
    {
        Address = address;
        _endPoint = address.EndPoint();

        // A listener that stopped reading fills its queue; a sender must not hang on it for long.
        _socket.SendTimeout = 2000;
    }

    public NotifyAddress Address { get; }

    /// One datagram. Throws SocketException when nobody listens there (ECONNREFUSED, ENOENT) or the
    /// listener's queue stayed full; ArgumentException for a message over NotifyMessage.MaxBytes.
    public void Send(NotifyMessage message)
    {
        var bytes = Encoding.UTF8.GetBytes(message.Format());
        if (bytes.Length > NotifyMessage.MaxBytes)
        {
            throw new ArgumentException($"a notify message holds at most {NotifyMessage.MaxBytes} bytes, not {bytes.Length}", nameof(message));
        }

        _socket.SendTo(bytes, SocketFlags.None, _endPoint);
    }

    public void Dispose() => _socket.Dispose();
}
