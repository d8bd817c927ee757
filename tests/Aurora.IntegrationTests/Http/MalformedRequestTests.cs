using Aurora.Daemon.Http;

namespace Aurora.IntegrationTests.Http;

/// Requests the server must not take: each gets a JSON error at once, then the connection is closed
/// (its framing can no longer be trusted). Issue 19 finding 6 added the framing cases.
public sealed class MalformedRequestTests : ServerPerTest
{
    [Theory]
    [InlineData("NONSENSE\r\n\r\n", "400 ", "bad_request")]
    [InlineData("GET /hello/a HTTP/2.0\r\n\r\n", "505 ", "http_version_not_supported")]
    [InlineData("GET /hello/a HTTP/1.1\r\nNo colon here\r\n\r\n", "400 ", "bad_request")]
    [InlineData("GET /hello/a HTTP/1.1\r\nBad Name: x\r\n\r\n", "400 ", "bad_request")]
    [InlineData("GET /hello/a HTTP/1.1\r\nBad(name): x\r\n\r\n", "400 ", "bad_request")]
    [InlineData("POST /hello/a HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n", "413 ", "body_too_large")]
    [InlineData("POST /hello/a HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n", "413 ", "body_too_large")]
    [InlineData("POST /hello/a HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", "501 ", "unsupported_transfer_encoding")]
    public async Task A_malformed_request_gets_a_JSON_error_and_the_connection_is_closed(string request, string status, string code) =>
        await AssertRefusedAsync(request, status, code);

    [Fact]
    public Task Transfer_encoding_beside_content_length_is_refused_Issue19_6() =>
        AssertRefusedAsync("POST /hello/a HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n", "400 ", "bad_request");

    [Theory]
    [InlineData("xchunked")]
    [InlineData("gzip, chunked")]
    [InlineData("chunked, chunked")]
    public Task A_transfer_coding_other_than_chunked_is_not_taken_for_chunked_Issue19_6(string coding) =>
        AssertRefusedAsync($"POST /hello/a HTTP/1.1\r\nTransfer-Encoding: {coding}\r\n\r\n", "501 ", "unsupported_transfer_encoding");

    [Theory]
    [InlineData("+3")]
    [InlineData("-0")]
    [InlineData(" 3 3")]
    [InlineData("3, 3")]
    [InlineData("0x3")]
    public Task A_content_length_that_is_not_plain_digits_is_refused_Issue19_6(string length) =>
        AssertRefusedAsync($"POST /hello/a HTTP/1.1\r\nContent-Length: {length}\r\n\r\n", "400 ", "bad_request");

    [Theory]
    [InlineData("GET /hello/a HTTP/1.1\r\nX-Evil: a\rb\r\n\r\n")]
    [InlineData("GET /hello/a HTTP/1.1\r\nX-Evil: a\0b\r\n\r\n")]
    [InlineData("GET /hello/a HTTP/1.1\r\nX-Evil: a\u0001\r\n\r\n")]
    [InlineData("GET /hello/a\0 HTTP/1.1\r\n\r\n")]
    [InlineData("GET /hello/a\r HTTP/1.1\r\n\r\n")]
    public Task Bare_CR_NUL_and_control_characters_in_the_head_are_refused_Issue19_6(string request) =>
        AssertRefusedAsync(request, "400 ", "bad_request");

    [Theory]
    [InlineData("GET /hello/a HTTP/1.1\nHost: x\n\n")]
    [InlineData("GET /hello/a HTTP/1.1\r\nHost: x\n\r\n")]
    [InlineData("\nGET /hello/a HTTP/1.1\r\n\r\n")]
    public Task A_bare_LF_request_is_answered_at_once_not_after_the_idle_timeout_Issue19_6(string request) =>
        AssertRefusedAsync(request, "400 ", "bad_request");

    [Fact]
    public async Task Chunk_sizes_that_would_overflow_the_running_total_hit_the_body_cap_Issue19_6()
    {
        // 0x10 + 0x7ffffffffffffff8 wraps a long below zero: the cap must hold before the addition.
        await AssertRefusedAsync("POST /hello/a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" +
                                 "10\r\n0123456789abcdef\r\n7ffffffffffffff8\r\n", "413 ", "body_too_large");
    }

    [Theory]
    [InlineData("fffff\r\n")] // 1 MB less one byte, then one more chunk of 2
    [InlineData("00000000000000000000100001\r\n")] // leading zeros do not hide the size
    public async Task Chunked_bodies_are_capped_at_1_MB(string firstChunk)
    {
        using var client = await Server.UnixAsync();
        await client.SendAsync("POST /hello/a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + firstChunk);
        if (firstChunk.StartsWith('f'))
        {
            await client.SendAsync(new string('a', 0xfffff) + "\r\n2\r\n");
        }

        var response = await client.ReadResponseAsync();
        Assert.StartsWith("HTTP/1.1 413 ", response.Head);
    }

    [Fact]
    public async Task A_head_larger_than_the_limit_is_refused_with_431()
    {
        using var client = await Server.UnixAsync();
        var send = client.SendAsync("GET /hello/a HTTP/1.1\r\nX-Big: " + new string('a', HttpRequest.MaxHeadBytes + 10) + "\r\n\r\n");

        var response = await client.ReadResponseAsync();
        Assert.StartsWith("HTTP/1.1 431 ", response.Head);
        Assert.Contains("request_too_large", response.Body);
        await send.ContinueWith(_ => { }, TaskScheduler.Default).DefaultTimeout();
    }

    private async Task AssertRefusedAsync(string request, string status, string code)
    {
        using var client = await Server.UnixAsync();
        await client.SendAsync(request);

        var response = await client.ReadResponseAsync();
        Assert.StartsWith("HTTP/1.1 " + status, response.Head);
        Assert.Contains("Connection: close", response.Head);
        Assert.Contains($"\"code\":\"{code}\"", response.Body);
        Assert.Equal("", await client.ReadToEndAsync());
    }
}
