using System.Net;
using System.Net.Sockets;
using Aurora.Core.Diagnosis;

namespace Aurora.Core.Doctor.Ports;

/// The listener from /proc (pid, argv, tag); when /proc names none, a bind test on the wildcard address tells
/// whether something we cannot see (another user's process, another network view) listens there anyway.
public sealed class SystemPortHolders(IPortOwners owners) : IPortHolders
{
    public PortHolder? Holder(int port)
    {
        if (owners.Owner(port) is { } owner)
        {
            return new PortHolder(port, owner);
        }

        return CanListen(port) ? null : new PortHolder(port, null);
    }

    private static bool CanListen(int port)
    {
        try
        {
            // Dual-stack [::] covers 0.0.0.0 too: a listener on either address (or on loopback) makes this fail.
            using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true };
            socket.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
            socket.Listen(1);
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
        catch (SocketException)
        {
            // No IPv6 here: try IPv4 alone.
            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Any, port));
                socket.Listen(1);
                return true;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return false;
            }
            catch (SocketException)
            {
                // Not allowed to bind (a privileged port): no evidence that anyone holds it.
                return true;
            }
        }
    }
}
