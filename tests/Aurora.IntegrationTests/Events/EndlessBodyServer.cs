using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aurora.IntegrationTests.Events;

/// A webhook that answers 200 and then a body that never ends (up to `limit` bytes, then it hangs up).
/// Closed reports how many body bytes it got to write before the client hung up (or `limit`).
internal sealed class EndlessBodyServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<long> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;
    private readonly long _limit;

    public EndlessBodyServer(long limit)
    {
        _limit = limit;
        _listener.Start();
        _loop = Task.Run(ServeOneAsync);
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook";

    public Task<long> Closed => _closed.Task;

    private async Task ServeOneAsync()
    {
        long written = 0;
        try
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII);
            while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 })
            {
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"), _stop.Token);
            var chunk = new byte[64 * 1024];
            while (written < _limit)
            {
                await stream.WriteAsync(chunk, _stop.Token);
                written += chunk.Length;
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
        }

        _closed.TrySetResult(written);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
