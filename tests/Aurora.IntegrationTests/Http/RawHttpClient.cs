using System.Net;
using System.Net.Sockets;
using System.Text;
using Aurora.Daemon.Http;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Http;

/// A client that speaks HTTP byte by byte, for where framing matters: what it sends is exactly what the
/// test wrote, and what it reads is split into responses by hand.
internal sealed class RawHttpClient(Socket socket) : IDisposable
{
    private readonly StringBuilder _pending = new();

    public Socket Socket { get; } = socket;

    public static async Task<RawHttpClient> UnixAsync(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await UnixSocketPath.ConnectAsync(socket, path, TestContext.Current.CancellationToken);
        return new RawHttpClient(socket);
    }

    public static async Task<RawHttpClient> TcpAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), TestContext.Current.CancellationToken);
        return new RawHttpClient(socket);
    }

    public Task SendAsync(string text) => SendAsync(Encoding.Latin1.GetBytes(text));

    public async Task SendAsync(byte[] bytes) =>
        await Socket.SendAsync(bytes, TestContext.Current.CancellationToken).AsTask().DefaultTimeout();

    /// Reads up to and including `marker`, keeping what came after it for the next read.
    public async Task<string> ReadUntilAsync(string marker)
    {
        var buffer = new byte[4096];
        while (_pending.ToString().IndexOf(marker, StringComparison.Ordinal) < 0)
        {
            var n = await Socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken).AsTask().DefaultTimeout();
            if (n == 0)
            {
                throw new IOException($"closed before \"{marker}\"; got: {_pending}");
            }

            _pending.Append(Encoding.Latin1.GetString(buffer, 0, n));
        }

        var all = _pending.ToString();
        var end = all.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        _pending.Clear().Append(all[end..]);
        return all[..end];
    }

    /// One response with a Content-Length body.
    public async Task<(string Head, string Body)> ReadResponseAsync()
    {
        var head = await ReadUntilAsync("\r\n\r\n");
        var length = int.Parse(head.Split("\r\n").Single(l => l.StartsWith("Content-Length: ", StringComparison.Ordinal))["Content-Length: ".Length..]);
        var buffer = new byte[4096];
        while (_pending.Length < length)
        {
            var n = await Socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken).AsTask().DefaultTimeout();
            Assert.NotEqual(0, n);
            _pending.Append(Encoding.Latin1.GetString(buffer, 0, n));
        }

        var all = _pending.ToString();
        _pending.Clear().Append(all[length..]);
        return (head, all[..length]);
    }

    /// Everything until the server closes (a reset counts as a close); what was left over is included.
    public async Task<string> ReadToEndAsync(TimeSpan? timeout = null)
    {
        var buffer = new byte[4096];
        try
        {
            while (await Socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken).AsTask().DefaultTimeout(timeout) is var n && n > 0)
            {
                _pending.Append(Encoding.Latin1.GetString(buffer, 0, n));
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
        }

        var all = _pending.ToString();
        _pending.Clear();
        return all;
    }

    public void Dispose() => Socket.Dispose();
}
