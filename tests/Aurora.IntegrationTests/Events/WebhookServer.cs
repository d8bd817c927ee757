using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Aurora.IntegrationTests.Events;

/// A real HTTP listener on loopback that fails the first `failures` requests with 500, or answers every
/// request with a 307 redirect to `redirectTo`.
internal sealed class WebhookServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly string? _redirectTo;
    private int _failuresLeft;

    public WebhookServer(int failures = 0, string? redirectTo = null)
    {
        _failuresLeft = failures;
        _redirectTo = redirectTo;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook";

    public Channel<(int Status, string Body)> Requests { get; } = Channel.CreateUnbounded<(int, string)>();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.UTF8);
                var length = 0;
                while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 } header)
                {
                    if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(header["Content-Length:".Length..].Trim());
                    }
                }

                var body = new char[length];
                var read = 0;
                while (read < length)
                {
                    read += await reader.ReadAsync(body.AsMemory(read), _stop.Token);
                }

                var status = _redirectTo is not null ? 307 : Interlocked.Decrement(ref _failuresLeft) >= 0 ? 500 : 200;
                var location = _redirectTo is null ? "" : $"Location: {_redirectTo}\r\n";
                // Recorded before it is answered: once the client has the answer, the request is on the record.
                Requests.Writer.TryWrite((status, new string(body)));
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\n{location}Content-Length: 0\r\nConnection: close\r\n\r\n"), _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
