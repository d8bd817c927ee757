using System.Net;
using System.Net.Sockets;

namespace Aurora.Tests;

/// A loopback TCP port nothing listens on right now. Shared by the test projects (linked, not copied).
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
