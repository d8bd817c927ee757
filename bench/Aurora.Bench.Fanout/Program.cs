using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Daemon.Hosting;

// WebSocket fan-out: N clients on the unix socket, events published at R per second for S seconds;
// delivery latency = receive time - publish time (both read from one Stopwatch in this process).
var clients = Arg("--clients", 100);
var rate = Arg("--rate", 5000);
var seconds = Arg("--seconds", 10);

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
var latencies = new List<double>[clients];
var sockets = new List<ClientWebSocket>();
var readers = new List<Task>();
for (var c = 0; c < clients; c++)
{
    var socket = new ClientWebSocket();
    var handler = new SocketsHttpHandler
    {
        ConnectCallback = async (_, ct) =>
        {
            var s = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            await s.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(runtime.Paths.Socket), ct);
            return new System.Net.Sockets.NetworkStream(s, true);
        },
    };
    await socket.ConnectAsync(new Uri($"ws://localhost/api/v1/events/stream?after={start}"), new HttpMessageInvoker(handler), CancellationToken.None);
    sockets.Add(socket);
    var mine = latencies[c] = new List<double>(total);
    readers.Add(Task.Run(async () =>
    {
        var buffer = new byte[16 * 1024];
        var received = 0;
        while (received < total)
        {
            var r = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (r.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            // Clients run on the same 2 cores as the daemon: read the one number they need without a full
            // JSON parse, so the bench measures the daemon's fan-out more than its own clients.
            var message = buffer.AsSpan(0, r.Count);
            var at = message.IndexOf("\"t\":"u8);
            if (at < 0 || message.IndexOf("\"type\":\"bench.tick\""u8) < 0)
            {
                continue;
            }

            System.Buffers.Text.Utf8Parser.TryParse(message[(at + 4)..], out double sent, out _);
            mine.Add(clock.Elapsed.TotalMilliseconds - sent);
            received++;
        }
    }));
}

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

await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(60));
var all = latencies.SelectMany(l => l).OrderBy(x => x).ToArray();
double P(double q) => all[Math.Min(all.Length - 1, (int)(q * all.Length))];
Console.WriteLine($"fan-out: {clients} clients, {rate} events/s for {seconds}s, {all.Length} deliveries ({all.Length * 100.0 / ((long)total * clients):0.0}% of {total * (long)clients})");
Console.WriteLine($"delivery latency ms: p50 {P(0.50):0.00}  p99 {P(0.99):0.00}  max {all[^1]:0.00}");
foreach (var s in sockets)
{
    s.Abort();
}

await stop.CancelAsync();
await daemon;
Directory.Delete(dir, recursive: true);

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
}
