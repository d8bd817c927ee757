using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Aurora.Core.Health;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Health;

public class HttpProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static async Task<HealthResult> CheckAsync(Uri url, TimeSpan timeout, CancellationToken testCt)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(testCt);
        cts.CancelAfter(timeout);
        return await new HttpProbe(url, timeout, TimeProvider.System).CheckAsync(cts.Token).DefaultTimeout();
    }

    [Theory(Timeout = 30000)]
    [InlineData(200, true)]
    [InlineData(204, true)]
    [InlineData(503, false)]
    [InlineData(404, false)]
    public async Task Status_code_decides_health(int status, bool healthy)
    {
        await using var server = new RawHttpServer(status);

        var result = await CheckAsync(server.Url, Timeout, TestContext.Current.CancellationToken);

        Assert.Equal(healthy, result.Healthy);
        Assert.Equal($"HTTP {status}", result.Detail);
        Assert.False(result.TimedOut);
    }

    [Fact(Timeout = 30000)]
    public async Task Redirect_is_healthy_and_not_followed()
    {
        await using var target = new RawHttpServer(503);
        await using var server = new RawHttpServer(302, $"Location: {target.Url}\r\n");

        var result = await CheckAsync(server.Url, Timeout, TestContext.Current.CancellationToken);

        Assert.True(result.Healthy);
        Assert.Equal("HTTP 302", result.Detail);
        Assert.Equal(0, target.Requests);
    }

    [Fact(Timeout = 30000)]
    public async Task Endpoint_that_never_answers_times_out_within_the_timeout()
    {
        await using var server = new RawHttpServer(status: null);
        var timeout = TimeSpan.FromMilliseconds(500);
        var clock = Stopwatch.StartNew();

        var result = await CheckAsync(server.Url, timeout, TestContext.Current.CancellationToken);

        Assert.False(result.Healthy);
        Assert.True(result.TimedOut);
        Assert.Equal("timed out after 500ms", result.Detail);
        Assert.InRange(clock.Elapsed, timeout - TimeSpan.FromMilliseconds(50), timeout + TimeSpan.FromSeconds(1));
    }

    [Fact(Timeout = 30000)]
    public async Task Closed_port_is_connection_refused()
    {
        var port = ClosedPort();

        var result = await CheckAsync(new Uri($"http://127.0.0.1:{port}/"), Timeout, TestContext.Current.CancellationToken);

        Assert.False(result.Healthy);
        Assert.False(result.TimedOut);
        Assert.Equal("connection refused", result.Detail);
    }

    [Fact(Timeout = 30000)]
    public async Task Body_is_discarded_and_the_connection_reused()
    {
        await using var server = new RawHttpServer(200, bodyBytes: 16 * 1024);

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await CheckAsync(server.Url, Timeout, TestContext.Current.CancellationToken)).Healthy);
        }

        Assert.Equal(5, server.Requests);
        Assert.Equal(1, server.Connections);
    }

    [Fact(Timeout = 30000)]
    public async Task Huge_body_is_not_read()
    {
        await using var server = new RawHttpServer(200, bodyBytes: 8 * 1024 * 1024);

        var result = await CheckAsync(server.Url, Timeout, TestContext.Current.CancellationToken);

        Assert.True(result.Healthy);
        Assert.InRange(result.Duration, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    internal static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
