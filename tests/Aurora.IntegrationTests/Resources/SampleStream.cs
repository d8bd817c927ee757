using System.Net.WebSockets;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Resources;

/// A client of the live stream that sorts what it reads into events (with a seq) and resource samples.
internal sealed class SampleStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly IAsyncEnumerator<string> _lines;
    private Task<bool> _pending = Task.FromResult(false);

    private SampleStream(CancellationToken ct)
    {
        _lines = StreamLines.ReadAsync(_socket, ct).GetAsyncEnumerator(ct);
    }

    /// Every sample line read so far, parsed.
    public List<JsonElement> Samples { get; } = [];

    /// Every event type read so far, in order.
    public List<string> Events { get; } = [];

    public static async Task<SampleStream> ConnectAsync(ControlClient client, string query, CancellationToken ct)
    {
        var stream = new SampleStream(ct);
        using var invoker = client.Invoker();
        await stream._socket.ConnectAsync(new Uri($"ws://localhost/api/v1/events/stream?{query}"), invoker, ct).DefaultTimeout();
        return stream;
    }

    /// Reads until a sample matches; returns it.
    public async Task<JsonElement> SampleAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        JsonElement? found = null;
        await ReadUntilAsync(line =>
        {
            if (line.TryGetProperty("seq", out _))
            {
                return false;
            }

            found = line;
            return match(line);
        }).DefaultTimeout(timeout);
        return found!.Value;
    }

    /// Reads until an event of the type arrives.
    public Task EventAsync(string type, TimeSpan? timeout = null) =>
        ReadUntilAsync(line => line.TryGetProperty("seq", out _) && line.GetProperty("type").GetString() == type).DefaultTimeout(timeout);

    private async Task ReadUntilAsync(Func<JsonElement, bool> done)
    {
        while (await (_pending = _lines.MoveNextAsync().AsTask()))
        {
            var line = JsonDocument.Parse(_lines.Current).RootElement.Clone();
            if (line.TryGetProperty("seq", out _))
            {
                Events.Add(line.GetProperty("type").GetString()!);
            }
            else
            {
                Samples.Add(line);
            }

            if (done(line))
            {
                return;
            }
        }

        throw new InvalidOperationException("the stream ended");
    }

    /// The service's entry in a sample, if it has one.
    public static JsonElement? Service(JsonElement sample, string name) =>
        sample.GetProperty("services").EnumerateArray().Where(s => s.GetProperty("name").GetString() == name)
            .Select(s => (JsonElement?)s).FirstOrDefault();

    /// A wait that timed out leaves a read in flight, and an async iterator cannot be disposed mid-read: abort the
    /// socket so that read ends, then dispose the iterator. The test's own failure stays the one reported.
    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        try
        {
            await _pending;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or InvalidOperationException or ObjectDisposedException)
        {
            // The read ended because the socket was aborted.
        }

        await _lines.DisposeAsync();
        _socket.Dispose();
    }
}
