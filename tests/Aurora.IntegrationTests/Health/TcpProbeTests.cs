using System.Net;
using System.Net.Sockets;
using Aurora.Core.Health;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Health;

public class TcpProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static async Task<HealthResult> CheckAsync(string target, CancellationToken testCt)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(testCt);
        cts.CancelAfter(Timeout);
        return await new TcpProbe(target, Timeout, TimeProvider.System).CheckAsync(cts.Token).DefaultTimeout();
    }

    [Theory(Timeout = 30000)]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Open_port_is_healthy(string host)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;

            var result = await CheckAsync($"{host}:{port}", TestContext.Current.CancellationToken);

            Assert.True(result.Healthy, result.Detail);
            Assert.Equal($"connected to 127.0.0.1:{port}", result.Detail);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Theory(Timeout = 30000)]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Closed_port_is_connection_refused(string host)
    {
        var result = await CheckAsync($"{host}:{HttpProbeTests.ClosedPort()}", TestContext.Current.CancellationToken);

        Assert.False(result.Healthy);
        Assert.False(result.TimedOut);
        Assert.Equal("connection refused", result.Detail);
    }
}
