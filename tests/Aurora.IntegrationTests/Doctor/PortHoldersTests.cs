using System.Net;
using System.Net.Sockets;
using Aurora.Core.Diagnosis;
using Aurora.Core.Doctor.Ports;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Doctor;

/// The port seam on real sockets: /proc names the holder; when it cannot (another user's process), the bind test
/// still sees that the port is taken.
public class PortHoldersTests
{
    [Fact]
    public void Proc_names_the_listener_of_a_port_with_its_pid()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var holder = new SystemPortHolders(new ProcPortOwners()).Holder(port);

        Assert.Equal(Environment.ProcessId, holder?.Owner?.Pid);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    public void A_listener_proc_does_not_show_is_still_found_by_the_bind_test(string address)
    {
        using var listener = new TcpListener(IPAddress.Parse(address), 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var holder = new SystemPortHolders(new NoOwners()).Holder(port);

        Assert.Equal(new PortHolder(port, null), holder);
    }

    [Fact]
    public void A_free_port_has_no_holder_even_right_after_a_connection_closed()
    {
        var port = FreePort.Next();
        using (var listener = new TcpListener(IPAddress.Loopback, port))
        {
            listener.Start();
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            using var accepted = listener.AcceptTcpClient();
        }

        Assert.Null(new SystemPortHolders(new NoOwners()).Holder(port));
    }

    private sealed class NoOwners : IPortOwners
    {
        public PortOwner? Owner(int port) => null;
    }
}
