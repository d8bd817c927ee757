using System.Net.WebSockets;
using System.Text;
using Aurora.Daemon.Http;

namespace Aurora.IntegrationTests.Http;

/// The WebSocket upgrade: handshake, framing through the corked stream, refusals.
public sealed class WebSocketTests : ServerPerTest
{
    private const string Upgrade = "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n";

    [Fact]
    public async Task A_WebSocket_client_completes_the_handshake_and_exchanges_messages()
    {
        using var client = new ClientWebSocket();
        using var invoker = new HttpMessageInvoker(Server.Handler());
        var ct = TestContext.Current.CancellationToken;
        await client.ConnectAsync(new Uri("ws://localhost/ws"), invoker, ct).DefaultTimeout();

        await client.SendAsync("ping"u8.ToArray(), WebSocketMessageType.Text, true, ct);
        var buffer = new byte[64];
        var echo = await client.ReceiveAsync(buffer, ct).DefaultTimeout();
        var close = await client.ReceiveAsync(buffer, ct).DefaultTimeout();

        Assert.Equal("ping", Encoding.UTF8.GetString(buffer, 0, echo.Count));
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
    }

    [Fact]
    public async Task Corked_WebSocket_messages_collect_and_go_out_together_in_order()
    {
        using var client = new ClientWebSocket();
        using var invoker = new HttpMessageInvoker(Server.Handler());
        var ct = TestContext.Current.CancellationToken;
        await client.ConnectAsync(new Uri("ws://localhost/corked"), invoker, ct).DefaultTimeout();

        // Three unmasked server frames, each a 2-byte header and the word.
        Assert.Equal(2 + 3 + 2 + 3 + 2 + 5, await Server.Corked.Task.DefaultTimeout());
        var buffer = new byte[64];
        var words = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var r = await client.ReceiveAsync(buffer, ct).DefaultTimeout();
            words.Add(Encoding.UTF8.GetString(buffer, 0, r.Count));
        }

        Assert.Equal(["one", "two", "three"], words);
        Assert.Equal(WebSocketMessageType.Close, (await client.ReceiveAsync(buffer, ct).DefaultTimeout()).MessageType);
    }

    [Fact]
    public async Task A_WebSocket_upgrade_of_another_version_gets_426()
    {
        using var client = await Server.UnixAsync();
        await client.SendAsync(Upgrade + "Sec-WebSocket-Version: 8\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");

        var response = await client.ReadResponseAsync();
        Assert.StartsWith("HTTP/1.1 426 ", response.Head);
        Assert.Contains("Sec-WebSocket-Version: 13", response.Head);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("dGhlIHNhbXBsZSBub25jZQ")] // no padding
    [InlineData("dGhlIHNhbXBsZSBub25jZQ==dGhl")] // more than 16 bytes
    [InlineData("c2hvcnQgbm9uY2U=")] // 11 bytes
    [InlineData("dGhlIHNhbXBsZSBub25jZT8/")] // 18 bytes
    [InlineData("dGhlIHNhbXBsZSBub25jZ!==")] // not base64
    public async Task A_WebSocket_key_that_is_not_16_base64_bytes_gets_400_Issue19_6(string key)
    {
        using var client = await Server.UnixAsync();
        await client.SendAsync(Upgrade + $"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: {key}\r\n\r\n");

        var response = await client.ReadResponseAsync();
        Assert.StartsWith("HTTP/1.1 400 ", response.Head);
        Assert.Contains("\"code\":\"websocket_key_invalid\"", response.Body);
    }

    [Fact]
    public async Task The_accept_value_is_the_one_RFC_6455_gives_for_its_sample_key()
    {
        using var client = await Server.UnixAsync();
        await client.SendAsync(Upgrade + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");

        var head = await client.ReadUntilAsync("\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 101 ", head);
        Assert.Contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n", head);
    }

    [Theory]
    [InlineData("dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")] // RFC 6455 §1.3
    [InlineData("", "2jmj7l5rSw0yVb/vlWAYkK/YBwk=")]
    [InlineData("The quick brown fox jumps over the lazy dog", "L9ThxnotKPzthJ7hu3bnORuT6xI=")]
    public void Sha1_matches_known_digests(string input, string base64)
    {
        Assert.Equal(base64, Convert.ToBase64String(Sha1.Hash(Encoding.ASCII.GetBytes(input))));
        // Lengths around the 55/56/64-byte padding edges agree with the platform's SHA-1.
        foreach (var n in new[] { 55, 56, 63, 64, 65, 119, 120, 1000 })
        {
            var data = Enumerable.Range(0, n).Select(i => (byte)i).ToArray();
#pragma warning disable CA5350 // SHA-1 here checks a protocol checksum, not a security property
            Assert.Equal(System.Security.Cryptography.SHA1.HashData(data), Sha1.Hash(data));
#pragma warning restore CA5350
        }
    }
}
