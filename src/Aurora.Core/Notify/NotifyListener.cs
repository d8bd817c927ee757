using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Aurora.Core.Notify;

/// The receiving end of sd_notify: a datagram socket bound at a path or an abstract name that a service
/// finds in `$NOTIFY_SOCKET`. Each datagram comes back parsed, with the sender's pid as the kernel vouches
/// for it. File descriptors a sender passes along are closed at once, which is also how a `BARRIER=1`
/// (systemd-notify waits on one) is answered; those that are not valid (NUL bytes, bad UTF-8, over
/// NotifyMessage.MaxBytes) are dropped and counted, as systemd drops them.
public sealed class NotifyListener : IDisposable
{
    // SOL_SOCKET, SO_PASSCRED: the kernel attaches every sender's credentials, whether it sent them or not.
    private const int SolSocket = 1, SoPassCred = 16;

    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[NotifyMessage.MaxBytes];
    private readonly byte[] _peek = new byte[1];
    private int _dropped;

    private NotifyListener(Socket socket, NotifyAddress address)
    {
        _socket = socket;
        Address = address;
    }

    public NotifyAddress Address { get; }

    /// Datagrams that were not valid notifications.
    public int Dropped => Volatile.Read(ref _dropped);

    /// Binds the address (a path must not exist yet: a stale socket file is the caller's to remove).
    public static NotifyListener Bind(NotifyAddress address)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            socket.Bind(address.EndPoint());
            socket.SetRawSocketOption(SolSocket, SoPassCred, BitConverter.GetBytes(1));
            return new NotifyListener(socket, address);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// The next valid notification. One reader at a time: the listener has one receive buffer.
    public async ValueTask<NotifyMessage> ReceiveAsync(CancellationToken ct)
    {
        while (true)
        {
            // Wait the .NET way (cancellable, no thread held), then take the datagram with recvmsg, which alone
            // hands over the ancillary data (the credentials, any passed descriptors).
            await _socket.ReceiveAsync(_peek, SocketFlags.Peek, ct);
            var received = NotifyDatagram.Receive(_socket.SafeHandle, _buffer);
            if (received.WouldBlock)
            {
                continue;
            }

            if (!received.Truncated && NotifyMessage.Parse(_buffer.AsSpan(0, received.Length), received.SenderPid) is { } message)
            {
                return message;
            }

            Interlocked.Increment(ref _dropped);
        }
    }

    public async IAsyncEnumerable<NotifyMessage> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            yield return await ReceiveAsync(ct);
        }
    }

    /// Closes the socket and removes its file (an abstract name goes with the socket).
    public void Dispose()
    {
        _socket.Dispose();
        if (!Address.IsAbstract)
        {
            File.Delete(Address.Text);
        }
    }
}
