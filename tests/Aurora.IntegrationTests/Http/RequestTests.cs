namespace Aurora.IntegrationTests.Http;

/// Well-formed requests over the unix socket: keep-alive, bodies, routing, HTTP/1.0.
public sealed class RequestTests : ServerPerTest
{
    [Fact]
    public async Task Keep_alive_serves_several_requests_on_one_connection_with_decoded_routes_and_queries()
    {
        using var client = await Server.UnixAsync();
        await client.SendAsync("GET /hello/a%20b?q=port+conflict%21&n=7 HTTP/1.1\r\nHost: x\r\n\r\n" +
                               "GET /hello/c HTTP/1.1\r\nHost: x\r\n\r\n");

        var first = await client.ReadResponseAsync();
        var second = await client.ReadResponseAsync();
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", first.Head);
        Assert.Contains("Content-Type: application/json; charset=utf-8", first.Head);
        Assert.Contains("\"status\":\"hi a b q=port conflict! n=7\"", first.Body);
        Assert.Contains("\"status\":\"hi c q= n=\"", second.Body);
        Assert.DoesNotContain("Connection: close", second.Head);
    }

    [Fact]
    public async Task Empty_lines_before_a_request_line_are_ignored()
    {
        using var client = await Server.UnixAsync();
        await client.SendAsync("\r\n\r\nGET /hello/a HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.Contains("hi a", (await client.ReadResponseAsync()).Body);
    }

    [Fact]
    public async Task A_chunked_request_body_is_consumed_and_the_connection_stays_in_step()
    {
        using var client = await Server.UnixAsync();
        await client.SendAsync("POST /hello/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                               "5;ext=1\r\nhello\r\n6 ; ext\r\n world\r\n0\r\nTrailer: t\r\n\r\n" +
                               "GET /hello/y HTTP/1.1\r\nHost: x\r\n\r\n");

        var posted = await client.ReadResponseAsync();
        var next = await client.ReadResponseAsync();
        Assert.StartsWith("HTTP/1.1 400 ", posted.Head);
        Assert.Contains("\"code\":\"posted\"", posted.Body);
        Assert.Contains("hi y", next.Body);
    }

    [Fact]
    public async Task Expect_continue_gets_100_before_the_body_is_sent()
    {
        using var client = await Server.UnixAsync();
        await client.SendAsync("POST /hello/z HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
        Assert.Equal("HTTP/1.1 100 Continue\r\n\r\n", await client.ReadUntilAsync("\r\n\r\n"));

        await client.SendAsync("abc");
        Assert.Contains("\"message\":\"z\"", (await client.ReadResponseAsync()).Body);
    }

    [Fact]
    public async Task Unknown_paths_get_404_or_the_fallback_and_a_wrong_method_gets_405()
    {
        using var client = Server.Client();
        var ct = TestContext.Current.CancellationToken;

        var missing = await client.GetAsync("/nowhere", ct);
        var fallback = await client.GetAsync("/api/v9/anything", ct);
        var wrongMethod = await client.DeleteAsync("/hello/a", ct);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/hello/a"), ct);

        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Contains("\"code\":\"not_found\"", await missing.Content.ReadAsStringAsync(ct));
        Assert.Contains("\"code\":\"api_fallback\"", await fallback.Content.ReadAsStringAsync(ct));
        Assert.Equal(405, (int)wrongMethod.StatusCode);
        Assert.Equal(200, (int)head.StatusCode);
        Assert.True(head.Content.Headers.ContentLength > 0);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(ct));
    }

    [Fact]
    public async Task A_query_parameter_of_the_wrong_type_is_a_400_naming_it()
    {
        using var client = Server.Client();
        var response = await client.GetAsync("/hello/a?n=seven", TestContext.Current.CancellationToken);

        Assert.Equal(400, (int)response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"code\":\"bad_parameter\"", body);
        Assert.Contains("n=\\u0022seven\\u0022", body);
    }

    [Fact]
    public async Task Http_1_0_gets_connection_close()
    {
        using var client = await Server.UnixAsync();
        await client.SendAsync("GET /hello/a HTTP/1.0\r\n\r\n");

        var response = await client.ReadResponseAsync();
        Assert.Contains("Connection: close", response.Head);
        Assert.Equal("", await client.ReadToEndAsync());
    }
}
