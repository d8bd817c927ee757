using System.Net;
using System.Net.Sockets;
using Aurora.Core.Health;

namespace Aurora.Core.Tests.Health;

/// The loopback fast path: in-process listeners on 127.0.0.1/::1, no processes, no sleeps.
public sealed class TcpProbeTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly List<Socket> _listeners = [];

    public void Dispose()
    {
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }
    }

    private Socket Listen(IPAddress address, int port = 0, int backlog = 16)
    {
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listeners.Add(listener);
        listener.Bind(new IPEndPoint(address, port));
        listener.Listen(backlog);
        return listener;
    }

    private static int PortOf(Socket listener) => ((IPEndPoint)listener.LocalEndPoint!).Port;

    private static int ClosedPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return PortOf(probe);
    }

    private static TcpProbe Probe(string target) => new(target, Timeout, TimeProvider.System);

    [Fact(Timeout = 30000)]
    public async Task Open_loopback_port_is_healthy_without_waiting_for_the_socket_engine()
    {
        var listener = Listen(IPAddress.Loopback);
        var port = PortOf(listener);

        var check = Probe($"127.0.0.1:{port}").CheckAsync(TestContext.Current.CancellationToken);

        Assert.True(check.IsCompletedSuccessfully, "a loopback connect should settle inside CheckAsync");
        var result = await check;
        Assert.True(result.Healthy, result.Detail);
        Assert.Equal($"connected to 127.0.0.1:{port}", result.Detail);
        Assert.False(result.TimedOut);
    }

    [Fact(Timeout = 30000)]
    public async Task The_connection_is_real_and_closed_gracefully()
    {
        var listener = Listen(IPAddress.Loopback);

        var result = await Probe($"127.0.0.1:{PortOf(listener)}").CheckAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Healthy, result.Detail);
        using var accepted = await listener.AcceptAsync(TestContext.Current.CancellationToken).AsTask().DefaultTimeout();
        // A FIN reads as end of stream; an RST would throw ConnectionReset.
        var read = await accepted.ReceiveAsync(new byte[1], SocketFlags.None, TestContext.Current.CancellationToken).AsTask().DefaultTimeout();
        Assert.Equal(0, read);
    }

    [Theory(Timeout = 30000)]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Closed_loopback_port_is_connection_refused_at_once(string host)
    {
        var check = Probe($"{host}:{ClosedPort()}").CheckAsync(TestContext.Current.CancellationToken);

        // The same words as the Socket.ConnectAsync path (the integration tests pin those).
        var result = await check;
        Assert.False(result.Healthy);
        Assert.False(result.TimedOut);
        Assert.Equal("connection refused", result.Detail);
        Assert.True(host == "localhost" || check.IsCompleted, "a refused loopback connect should settle inside CheckAsync");
    }

    [Fact(Timeout = 30000)]
    public async Task Healthy_checks_reuse_one_detail_string()
    {
        var listener = Listen(IPAddress.Loopback);
        var probe = Probe($"127.0.0.1:{PortOf(listener)}");

        var first = await probe.CheckAsync(TestContext.Current.CancellationToken);
        var second = await probe.CheckAsync(TestContext.Current.CancellationToken);

        Assert.True(first.Healthy && second.Healthy, second.Detail);
        Assert.Same(first.Detail, second.Detail);
    }

    [Fact(Timeout = 30000)]
    public async Task Localhost_falls_back_to_ipv6_loopback_when_ipv4_refuses()
    {
        Socket listener;
        try
        {
            listener = Listen(IPAddress.IPv6Loopback);
        }
        catch (SocketException)
        {
            Assert.Skip("no IPv6 loopback here");
            return;
        }

        var port = PortOf(listener);
        Assert.SkipWhen(IsOpen(IPAddress.Loopback, port), "the IPv4 side of the port is taken");

        var result = await Probe($"localhost:{port}").CheckAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Healthy, result.Detail);
        Assert.Equal($"connected to ::1:{port}", result.Detail);
    }

    [Fact(Timeout = 30000)]
    public void A_full_accept_queue_is_left_to_the_socket_engine()
    {
        // Backlog 1 and no accept: two connections fill the queue, and the kernel drops the next SYN, so that
        // connect is still in progress when connect() returns.
        var listener = Listen(IPAddress.Loopback, backlog: 1);
        var sa = LoopbackConnect.SocketAddress(IPAddress.Loopback, PortOf(listener));

        var outcomes = FillAttempts(sa).ToList();

        Assert.Equal(LoopbackConnect.Outcome.Connected, outcomes[0]);
        Assert.Contains(LoopbackConnect.Outcome.Pending, outcomes);
        Assert.DoesNotContain(LoopbackConnect.Outcome.Refused, outcomes);
    }

    [Fact(Timeout = 30000)]
    public async Task A_connect_the_fast_path_cannot_settle_times_out_through_its_token()
    {
        var listener = Listen(IPAddress.Loopback, backlog: 1);
        var sa = LoopbackConnect.SocketAddress(IPAddress.Loopback, PortOf(listener));
        // Fill the accept queue: it takes two or three connects (see the test above).
        Assert.Contains(LoopbackConnect.Outcome.Pending, FillAttempts(sa));

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var check = Probe($"127.0.0.1:{PortOf(listener)}").CheckAsync(cts.Token);
        Assert.False(check.IsCompleted);
        await cts.CancelAsync();

        var result = await check.DefaultTimeout();
        Assert.False(result.Healthy);
        Assert.True(result.TimedOut);
        Assert.Equal("timed out after 2s", result.Detail);
    }

    [Fact]
    public void Only_loopback_addresses_take_the_fast_path()
    {
        Assert.True(LoopbackConnect.Supports(IPAddress.Loopback));
        Assert.True(LoopbackConnect.Supports(IPAddress.Parse("127.0.0.53")));
        Assert.True(LoopbackConnect.Supports(IPAddress.IPv6Loopback));
        Assert.False(LoopbackConnect.Supports(IPAddress.Parse("10.1.2.3")));
        Assert.False(LoopbackConnect.Supports(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.False(LoopbackConnect.Supports(IPAddress.Parse("fe80::1")));
    }

    /// Connects until one is left pending, at most five times.
    private static IEnumerable<LoopbackConnect.Outcome> FillAttempts(byte[] sa)
    {
        for (var i = 0; i < 5; i++)
        {
            var outcome = LoopbackConnect.Try(sa);
            yield return outcome;
            if (outcome == LoopbackConnect.Outcome.Pending)
            {
                yield break;
            }
        }
    }

    private static bool IsOpen(IPAddress address, int port)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(address, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
