using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aurora.IntegrationTests.Health;

/// A loopback TCP listener that answers every HTTP request with a fixed raw response, or, with
/// status null, reads the request and never answers. Counts the requests it has read.
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[]? _response;
    private readonly Task _accepting;
    private int _requests;
    private int _connections;

    public RawHttpServer(int? status, string extraHeaders = "", int bodyBytes = 2)
    {
        if (status is { } code)
        {
            var head = $"HTTP/1.1 {code} X\r\nContent-Length: {bodyBytes}\r\n{extraHeaders}\r\n";
            _response = [.. Encoding.ASCII.GetBytes(head), .. Enumerable.Repeat((byte)'x', bodyBytes)];
        }

        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Url => new($"http://127.0.0.1:{Port}/health");

    public int Requests => Volatile.Read(ref _requests);

    public int Connections => Volatile.Read(ref _connections);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                connections.Add(ServeAsync(client));
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var buffer = new byte[8192];
        var pending = new StringBuilder();
        try
        {
            while (true)
            {
                var n = await stream.ReadAsync(buffer, _stop.Token);
                if (n == 0)
                {
                    return;
                }

                pending.Append(Encoding.ASCII.GetString(buffer, 0, n));
                int end;
                while ((end = pending.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                {
                    pending.Remove(0, end + 4);
                    Interlocked.Increment(ref _requests);
                    if (_response is not null)
                    {
                        await stream.WriteAsync(_response, _stop.Token);
                    }
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
    }
}
