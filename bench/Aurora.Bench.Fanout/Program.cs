using System.Diagnostics;
using System.Net.WebSockets;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Daemon.Hosting;

// WebSocket fan-out: N clients on the unix socket, events published at R per second for S seconds;
// delivery latency = receive time - publish time (both read from one Stopwatch in this process).
// --slow K makes K of the clients deliberately slow (they take at most --slow-rate events a second and
// reconnect from their last seq when told to resync): the others must not notice.
var clients = Arg("--clients", 100);
var rate = Arg("--rate", 5000);
var seconds = Arg("--seconds", 10);
var slow = Arg("--slow", 0);
var slowRate = Arg("--slow-rate", 500);

var dir = Path.Combine(Path.GetTempPath(), "aurora-fanout-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(dir);
File.WriteAllText(Path.Combine(dir, "aurora.yaml"), "services:\n  idle:\n    command: [\"sleep\", \"100000\"]\n");
var loaded = ConfigLoader.Load(Path.Combine(dir, "aurora.yaml"));
using var stop = new CancellationTokenSource();
var ready = new TaskCompletionSource<AuroraRuntime>();
var daemon = Task.Run(() => DaemonHost.RunAsync(loaded.Config!, (rt, _) => { ready.TrySetResult(rt); return Task.CompletedTask; }, stop.Token));
var runtime = await ready.Task;
var clock = Stopwatch.StartNew();
var start = runtime.Events.LastCommittedSeq;
var total = rate * seconds;
using var slowStop = new CancellationTokenSource();
var fast = new List<Reader>();
var slowOnes = new List<Reader>();
for (var c = 0; c < clients; c++)
{
    var reader = new Reader(runtime.Paths.Socket, clock, total, c < slow ? slowRate : 0);
    await reader.ConnectAsync(start);
    (c < slow ? slowOnes : fast).Add(reader);
}

var fastDone = Task.WhenAll(fast.Select(r => r.RunAsync(CancellationToken.None)));
var slowDone = Task.WhenAll(slowOnes.Select(r => r.RunAsync(slowStop.Token)));

// Publish in 1 ms slices at the target rate.
var published = 0;
var startedAt = clock.Elapsed;
while (published < total)
{
    var due = (int)Math.Min(total, (clock.Elapsed - startedAt).TotalSeconds * rate);
    for (; published < due; published++)
    {
        runtime.Events.Publish("bench.tick", "idle", new EventData().Add("t", clock.Elapsed.TotalMilliseconds).Build());
    }

    await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
}

await fastDone.WaitAsync(TimeSpan.FromSeconds(60));
await slowStop.CancelAsync();
await slowDone.ContinueWith(_ => { }, TaskScheduler.Default);
var all = fast.SelectMany(r => r.Latencies).OrderBy(x => x).ToArray();
double P(double q) => all[Math.Min(all.Length - 1, (int)(q * all.Length))];
Console.WriteLine($"fan-out: {fast.Count} clients, {rate} events/s for {seconds}s, {all.Length} deliveries ({all.Length * 100.0 / ((long)total * fast.Count):0.0}% of {total * (long)fast.Count})");
Console.WriteLine($"delivery latency ms: p50 {P(0.50):0.00}  p99 {P(0.99):0.00}  max {all[^1]:0.00}");
foreach (var s in slowOnes)
{
    Console.WriteLine($"slow client (at most {slowRate} events/s): {s.Received} events read, {s.Resyncs} resync(s), behind by {total - s.Received} when the others were done");
}

foreach (var r in fast.Concat(slowOnes))
{
    r.Dispose();
}

await stop.CancelAsync();
await daemon;
Directory.Delete(dir, recursive: true);

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
}

/// One client: counts bench.tick events and their latency; a slow one paces itself and resyncs when told.
internal sealed class Reader(string socketPath, Stopwatch clock, int total, int maxRate) : IDisposable
{
    private ClientWebSocket _socket = new();
    private long _lastSeq;

    public List<double> Latencies { get; } = new(total);

    public int Received { get; private set; }

    public int Resyncs { get; private set; }

    public async Task ConnectAsync(long after)
    {
        _socket.Dispose();
        _socket = new ClientWebSocket();
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var s = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream,
                    System.Net.Sockets.ProtocolType.Unspecified);
                await Aurora.Layout.UnixSocketPath.ConnectAsync(s, socketPath, ct);
                return new System.Net.Sockets.NetworkStream(s, true);
            },
        };
        await _socket.ConnectAsync(new Uri($"ws://localhost/api/v1/events/stream?after={after}"), new HttpMessageInvoker(handler), CancellationToken.None);
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var buffer = new byte[128 * 1024];
        var filled = 0;
        try
        {
            while (Received < total)
            {
                var r = await _socket.ReceiveAsync(buffer.AsMemory(filled), ct);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                filled += r.Count;
                if (!r.EndOfMessage)
                {
                    continue;
                }

                var count = Parse(buffer.AsSpan(0, filled), out var resync);
                filled = 0;
                if (resync)
                {
                    Resyncs++;
                    await ConnectAsync(_lastSeq);
                    continue;
                }

                if (maxRate > 0 && count > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)count / maxRate), TimeProvider.System, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// Clients run on the same 2 cores as the daemon: read the few numbers they need without a full JSON parse,
    /// so the bench measures the daemon's fan-out more than its own clients. A message holds one event per
    /// line (events committed together travel together), 64 KiB at most.
    private int Parse(ReadOnlySpan<byte> rest, out bool resync)
    {
        resync = false;
        var now = clock.Elapsed.TotalMilliseconds;
        var count = 0;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (line.IndexOf("\"type\":\"resync\""u8) >= 0)
            {
                resync = true;
                return count;
            }

            var seqAt = line.IndexOf("\"seq\":"u8);
            var at = line.IndexOf("\"t\":"u8);
            if (seqAt < 0 || at < 0 || line.IndexOf("\"type\":\"bench.tick\""u8) < 0)
            {
                continue;
            }

            System.Buffers.Text.Utf8Parser.TryParse(line[(seqAt + 6)..], out long seq, out _);
            System.Buffers.Text.Utf8Parser.TryParse(line[(at + 4)..], out double sent, out _);
            _lastSeq = seq;
            Latencies.Add(now - sent);
            Received++;
            count++;
        }

        return count;
    }

    public void Dispose() => _socket.Abort();
}
