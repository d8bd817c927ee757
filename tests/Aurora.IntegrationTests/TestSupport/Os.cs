using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Aurora.IntegrationTests.TestSupport;

/// Small OS helpers shared by the tests: a free loopback port, kill(2).
internal static partial class Os
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
