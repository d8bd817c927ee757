using System.Collections.Concurrent;
using Aurora.Daemon.Http;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Http;

/// With few descriptors left (the guard's count), a connection is answered 503 out_of_descriptors and closed
/// instead of taking one of the descriptors kept for supervising; the log says so once, and again on recovery.
public class DescriptorGuardTests
{
    [Fact(Timeout = 60000)]
    public async Task A_connection_past_the_reserve_is_answered_503_out_of_descriptors_and_serving_resumes_once_they_free()
    {
        var open = 50;
        var log = new ConcurrentQueue<string>();
        await using var server = new HttpTestServer();
        server.Server.Descriptors = new DescriptorGuard(limit: 100, reserve: 25, () => Volatile.Read(ref open), log.Enqueue);
        server.Start();

        Volatile.Write(ref open, 90);
        for (var i = 0; i < 2; i++)
        {
            using var refused = await server.UnixAsync();
            await refused.SendAsync("GET /hello/x HTTP/1.1\r\nHost: a\r\n\r\n");
            var (head, body) = await refused.ReadResponseAsync();
            Assert.StartsWith("HTTP/1.1 503", head, StringComparison.Ordinal);
            Assert.Contains("out_of_descriptors", body, StringComparison.Ordinal);
            Assert.Contains("90 of 100", body, StringComparison.Ordinal);
            Assert.Equal("", await refused.ReadToEndAsync());
        }

        Assert.Single(log);
        Assert.Contains("refused", log.Single(), StringComparison.Ordinal);

        Volatile.Write(ref open, 60);
        using var served = await server.UnixAsync();
        await served.SendAsync("GET /hello/x HTTP/1.1\r\nHost: a\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200", (await served.ReadResponseAsync()).Head, StringComparison.Ordinal);
        Assert.Equal(2, log.Count);
        Assert.Contains("available again", log.Last(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60000)]
    public async Task A_route_that_finds_no_descriptor_answers_503_out_of_descriptors_not_500()
    {
        await using var server = new HttpTestServer();
        server.Router.Get("/open", _ => throw new IOException("Too many open files", 24));
        server.Start();

        using var client = await server.UnixAsync();
        await client.SendAsync("GET /open HTTP/1.1\r\nHost: a\r\n\r\n");
        var (head, body) = await client.ReadResponseAsync();
        Assert.StartsWith("HTTP/1.1 503", head, StringComparison.Ordinal);
        Assert.Contains("out_of_descriptors", body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60000)]
    public void The_limit_is_this_process_soft_limit_and_only_emfile_counts_as_exhaustion()
    {
        Assert.InRange(Descriptors.SoftLimit(), 16, int.MaxValue);
        Assert.InRange(Descriptors.CountOpen(), 3, Descriptors.SoftLimit());
        Assert.True(Descriptors.Exhausted(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.TooManyOpenSockets)));
        Assert.True(Descriptors.Exhausted(new InvalidOperationException("wrapped", new IOException("Too many open files", 24))));
        Assert.False(Descriptors.Exhausted(new IOException("disk full", 28)));
    }
}
