using Aurora.Daemon.Http;

namespace Aurora.IntegrationTests.Http;

/// Each listener has its own connection budget, and TCP caps the connections that have not shown the
/// token (issue 19 finding 3: 520 idle TCP connections used to lock `aurora status` out of the unix socket).
public sealed class ConnectionLimitTests
{
    [Fact(Timeout = 120000)]
    public async Task Idle_TCP_connections_cannot_lock_the_CLI_out_of_the_unix_socket_Issue19_3()
    {
        await using var server = new HttpTestServer(tcp: ListenerLimits.Tcp).Start();
        using var idle = await Clients.OpenAsync(520, server.TcpAsync);

        // Accepts are in order: once the last one is turned away, every one before it was seen.
        Assert.Equal("", await idle[^1].ReadToEndAsync());
        using var cli = server.Client();
        var response = await cli.GetAsync("/hello/cli", TestContext.Current.CancellationToken).DefaultTimeout();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("", await idle[ListenerLimits.Tcp.MaxUnauthenticated!.Value].ReadToEndAsync());
    }

    [Fact(Timeout = 60000)]
    public async Task At_most_64_TCP_connections_wait_without_the_token_and_showing_it_frees_a_slot_Issue19_3()
    {
        await using var server = new HttpTestServer(tcp: ListenerLimits.Tcp).Start();
        using var waiting = await Clients.OpenAsync(64, server.TcpAsync);

        using var turnedAway = await server.TcpAsync();
        Assert.Equal("", await turnedAway.ReadToEndAsync());

        // A public request keeps a connection unauthenticated; the token takes it out of the count.
        await waiting[0].SendAsync("GET /hello/page HTTP/1.1\r\nHost: x\r\n\r\n");
        await waiting[0].ReadResponseAsync();
        using var stillFull = await server.TcpAsync();
        Assert.Equal("", await stillFull.ReadToEndAsync());
        await waiting[1].SendAsync("GET /hello/api HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer good\r\n\r\n");
        await waiting[1].ReadResponseAsync();

        using var admitted = await server.TcpAsync();
        await admitted.SendAsync("GET /hello/late HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Contains("hi late", (await admitted.ReadResponseAsync()).Body);
    }

    [Fact(Timeout = 60000)]
    public async Task The_unix_socket_has_no_unauthenticated_cap_and_its_own_connection_cap()
    {
        await using var server = new HttpTestServer(unix: ListenerLimits.Unix with { MaxConnections = 100 }).Start();
        using var open = await Clients.OpenAsync(100, server.UnixAsync);

        using var over = await server.UnixAsync();
        Assert.Equal("", await over.ReadToEndAsync());
        await open[99].SendAsync("GET /hello/last HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Contains("hi last", (await open[99].ReadResponseAsync()).Body);
    }

    /// Connections opened one after another (so the server accepts them in that order), closed together.
    private sealed class Clients : List<RawHttpClient>, IDisposable
    {
        public static async Task<Clients> OpenAsync(int count, Func<Task<RawHttpClient>> connect)
        {
            var clients = new Clients();
            try
            {
                for (var i = 0; i < count; i++)
                {
                    clients.Add(await connect());
                }
            }
            catch
            {
                clients.Dispose();
                throw;
            }

            return clients;
        }

        public void Dispose() => ForEach(c => c.Dispose());
    }
}
