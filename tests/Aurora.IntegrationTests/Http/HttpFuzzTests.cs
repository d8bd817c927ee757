using System.Net.Sockets;
using System.Text;

namespace Aurora.IntegrationTests.Http;

/// Malformed, mutated and random requests against a live server on the unix socket: each is answered
/// (with an HTTP response) or the connection is closed, nothing hangs or brings the server down, and a
/// normal request is served afterwards.
public sealed class HttpFuzzTests : ServerPerTest
{
    private static readonly string[] Seeds =
    [
        "GET /hello/a?q=x&n=1 HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /hello/b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
        "POST /hello/c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "HEAD /hello/d HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        "GET /api/v1/x HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nab",
        "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
    ];

    // Hand-written: each a way a parser has been known to go wrong.
    private static readonly string[] Malformed =
    [
        "", "\r\n", "\r\n\r\n\r\n", "\n\n", "GET", "GET /", "GET / HTTP/1.1", "GET / HTTP/1.1\r\n", "GET / HTTP/1.1\r\n\r", " GET / HTTP/1.1\r\n\r\n",
        "GET  / HTTP/1.1\r\n\r\n", "get / HTTP/1.1\r\n\r\n", "GET hello HTTP/1.1\r\n\r\n", "GET / HTTP/1.1 extra\r\n\r\n", "GET / HTTP/9.9\r\n\r\n",
        "GET / http/1.1\r\n\r\n", "GET /%ZZ%00%%/x?%ZZ=%&&=& HTTP/1.1\r\n\r\n", "GET /hello/%2F..%2F HTTP/1.1\r\n\r\n", "GET /\x7f HTTP/1.1\r\n\r\n",
        "GET /\xff HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\n: empty name\r\n\r\n", "GET / HTTP/1.1\r\nA:\r\n\r\n", "GET / HTTP/1.1\r\n folded: x\r\n\r\n",
        "GET / HTTP/1.1\r\nA: b\r\n continued\r\n\r\n", "GET / HTTP/1.1\r\nA : b\r\n\r\n", "GET / HTTP/1.1\r\nA: \xff\xfe\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: 1e3\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
        "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nshort", "POST / HTTP/1.1\r\nContent-Length: 18446744073709551617\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloX\r\n", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;" + new string('e', 9000) + "\r\n", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nT: 1\r\nT: 2\r\n", "POST / HTTP/1.1\r\nTransfer-Encoding: identity\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "POST / HTTP/1.1\r\nTransfer-Encoding:\tchunked\r\n\r\n0\r\n\r\n",
        "GET / HTTP/1.1\r\n" + string.Concat(Enumerable.Range(0, 150).Select(i => $"H{i}: v\r\n")) + "\r\n",
        "GET / HTTP/1.1\r\nX: " + new string('x', 40_000) + "\r\n\r\n",
        "GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n",
        "GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: \r\n\r\n",
        "GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n\x88\x80\0\0\0\0",
        "GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff",
        "GET /stream HTTP/1.1\r\n\r\n", "GET /hello/a?n=99999999999999999999 HTTP/1.1\r\n\r\n", "GET /hello/a HTTP/1.1\r\n\r\nGARBAGE\r\n\r\n",
    ];

    [Fact(Timeout = 120000)]
    public async Task Malformed_requests_are_answered_or_closed_and_the_server_keeps_serving()
    {
        foreach (var request in Malformed)
        {
            await AssertAnsweredOrClosedAsync(Encoding.Latin1.GetBytes(request));
        }

        await AssertStillServesAsync();
    }

    [Fact(Timeout = 120000)]
    public async Task Mutated_and_random_requests_are_answered_or_closed_and_the_server_keeps_serving()
    {
        // Fixed seed: a failure names its input and reproduces.
        var random = new Random(19);
        for (var i = 0; i < 300; i++)
        {
            var input = i % 5 == 4 ? RandomBytes(random) : Mutate(Encoding.Latin1.GetBytes(Seeds[random.Next(Seeds.Length)]), random);
            await AssertAnsweredOrClosedAsync(input);
        }

        await AssertStillServesAsync();
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 600)];
        random.NextBytes(bytes);
        return bytes;
    }

    // Flips, drops, duplicates and inserts bytes, favouring the ones framing turns on.
    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = seed.ToList();
        byte[] interesting = [(byte)'\r', (byte)'\n', 0, (byte)':', (byte)' ', (byte)'\t', (byte)'0', (byte)'f', (byte)';', 0x7f, 0xa0, 0xff];
        for (var n = random.Next(1, 6); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = interesting[random.Next(interesting.Length)];
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.InsertRange(at, bytes.Skip(at).Take(random.Next(1, 40)).ToList());
                    break;
                default:
                    bytes.Insert(at, interesting[random.Next(interesting.Length)]);
                    break;
            }
        }

        return [.. bytes];
    }

    private async Task AssertAnsweredOrClosedAsync(byte[] input)
    {
        using var client = await Server.UnixAsync();
        try
        {
            await client.SendAsync(input);
            client.Socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // The server closed first: it is allowed to.
        }

        var answer = await client.ReadToEndAsync(TimeSpan.FromSeconds(10));
        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 ", StringComparison.Ordinal),
            $"input {Convert.ToHexString(input)} got {answer}");
    }

    private async Task AssertStillServesAsync()
    {
        using var http = Server.Client();
        var response = await http.GetAsync("/hello/after", TestContext.Current.CancellationToken).DefaultTimeout();
        Assert.Contains("hi after", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
