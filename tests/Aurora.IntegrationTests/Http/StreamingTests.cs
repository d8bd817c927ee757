namespace Aurora.IntegrationTests.Http;

/// Streamed responses (log follows) and how they end: the client hangs up, or the daemon stops.
public sealed class StreamingTests : ServerPerTest
{
    [Fact]
    public async Task A_streamed_response_is_aborted_when_the_client_hangs_up()
    {
        var client = await Server.UnixAsync();
        await client.SendAsync("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
        var head = await client.ReadUntilAsync("first\n");
        Assert.Contains("Connection: close", head);

        client.Dispose();
        await Server.StreamAborted.Task.DefaultTimeout();
    }

    [Fact]
    public async Task Stopping_ends_streams_and_idle_connections_and_StopAsync_returns()
    {
        using var idle = await Server.UnixAsync();
        using var streaming = await Server.UnixAsync();
        await streaming.SendAsync("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
        await streaming.ReadUntilAsync("first\n");

        await Server.Stopping.CancelAsync();
        await Server.Server.StopAsync(TimeSpan.FromSeconds(10)).DefaultTimeout();

        await Server.StreamAborted.Task.DefaultTimeout();
        Assert.Equal("", await idle.ReadToEndAsync());
    }
}
