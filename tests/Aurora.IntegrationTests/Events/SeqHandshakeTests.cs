using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.IntegrationTests.Daemon;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Events;

/// SPEC §5: a client that reads `GET /api/v1/services` (which names the seq it includes) and then follows the
/// stream from that seq has the exact state at every moment: never a change missed, never one applied twice.
public class SeqHandshakeTests
{
    private const int Services = 4;
    private const int RestartsEach = 8;

    [Fact(Timeout = 120000)]
    public async Task A_client_that_reads_the_list_and_follows_from_its_seq_stays_exact_under_concurrent_restarts()
    {
        var ct = TestContext.Current.CancellationToken;
        var yaml = "services:\n" + string.Concat(Enumerable.Range(1, Services).Select(i =>
            $"  s{i}: {{ command: [sleep, '1000'], restart: {{ policy: always, backoff: {{ initial: 0s }} }}, stop: {{ timeout: 2s }} }}\n"));
        await using var project = TestProject.Create(yaml);
        await using var daemon = await project.StartDaemonAsync();
        using var client = new ControlClient(project.Paths, Timeout.InfiniteTimeSpan);
        for (var i = 1; i <= Services; i++)
        {
            await daemon.WaitForEvent(e => e.Type == "service.started" && e.Service == $"s{i}");
        }

        // Restarts on every service at once; one client follows from before, the others join while they run.
        var followers = new List<Follower> { await Follower.StartAsync(client, ct) };
        var restarts = Task.WhenAll(Enumerable.Range(1, Services).Select(i => Task.Run(async () =>
        {
            for (var n = 0; n < RestartsEach; n++)
            {
                using var r = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/services/s{i}/restart"), ct);
            }
        }, ct)));
        for (var k = 0; k < 4; k++)
        {
            followers.Add(await Follower.StartAsync(client, ct));
            await Task.Delay(TimeSpan.FromMilliseconds(40), TimeProvider.System, ct);
        }

        await restarts.DefaultTimeout(TimeSpan.FromSeconds(90));

        // A restart's answer does not wait for the new process: wait until the stream has every service running
        // again (it read `starting` once, on a quiet machine, and a follower was then ahead of the list).
        var answered = daemon.Runtime.Events.LastCommittedSeq;
        var last = new Dictionary<string, string>();
        await daemon.WaitForEvent(e =>
        {
            if (e.Data.ValueKind == JsonValueKind.Object && e.Data.TryGetProperty("service", out var service))
            {
                var row = Row.Of(service);
                last[row.Name] = row.State;
            }

            return e.Seq >= answered && last.Count == Services && last.Values.All(v => v == "running");
        }, TimeSpan.FromSeconds(30));

        // Quiet now: the list again, and each follower must reach exactly that state through the stream alone.
        var (seq, truth) = await ReadListAsync(client, ct);
        foreach (var f in followers)
        {
            await f.ReachAsync(seq).DefaultTimeout(TimeSpan.FromSeconds(30));
            Assert.Equal(truth.OrderBy(kv => kv.Key), f.Model.OrderBy(kv => kv.Key));
            Assert.Empty(f.Violations);
        }

        Assert.All(truth.Values, s => Assert.Equal("running", s.State));

        foreach (var f in followers)
        {
            await f.DisposeAsync();
        }

        // The first follower saw every restart through the stream alone (stopping, exited, stopped, starting, started).
        Assert.True(followers[0].Applied >= Services * RestartsEach * 5, $"the first follower applied {followers[0].Applied} changes");
    }

    private static async Task<(long Seq, Dictionary<string, Row> Rows)> ReadListAsync(ControlClient client, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(await client.GetRawAsync("/api/v1/services", ct));
        var rows = doc.RootElement.GetProperty("services").EnumerateArray().Select(Row.Of).ToDictionary(r => r.Name);
        return (doc.RootElement.GetProperty("seq").GetInt64(), rows);
    }

    /// The parts of a snapshot a client shows, as read from the list or from an event's data.service.
    private sealed record Row(string Name, string State, int? Pid, long Version, int Restarts, string? LastCause)
    {
        public static Row Of(JsonElement s) => new(
            s.GetProperty("name").GetString()!,
            s.GetProperty("state").GetString()!,
            s.GetProperty("pid").ValueKind == JsonValueKind.Number ? s.GetProperty("pid").GetInt32() : null,
            s.GetProperty("version").GetInt64(),
            s.GetProperty("restarts").GetInt32(),
            s.GetProperty("last_cause").GetString());
    }

    private sealed class Follower : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Lock _gate = new();
        private readonly List<string> _violations = [];
        private Dictionary<string, Row> _model = [];
        private long _seq;
        private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Task _run = Task.CompletedTask;

        public int Applied { get; private set; }

        public IReadOnlyList<string> Violations
        {
            get
            {
                lock (_gate)
                {
                    return [.. _violations];
                }
            }
        }

        public Dictionary<string, Row> Model
        {
            get
            {
                lock (_gate)
                {
                    return new Dictionary<string, Row>(_model);
                }
            }
        }

        public static async Task<Follower> StartAsync(ControlClient client, CancellationToken ct)
        {
            var f = new Follower();
            (f._seq, f._model) = await ReadListAsync(client, ct);
            using var invoker = client.Invoker();
            await f._socket.ConnectAsync(new Uri($"ws://localhost/api/v1/events/stream?after={f._seq}"), invoker, ct);
            f._run = Task.Run(() => f.ReadAsync(f._stop.Token), ct);
            return f;
        }

        public async Task ReachAsync(long seq)
        {
            while (true)
            {
                Task wait;
                lock (_gate)
                {
                    if (_seq >= seq)
                    {
                        return;
                    }

                    wait = _progress.Task;
                }

                await wait;
            }
        }

        private async Task ReadAsync(CancellationToken ct)
        {
            await foreach (var line in StreamLines.ReadAsync(_socket, ct))
            {
                using var doc = JsonDocument.Parse(line);
                Apply(doc.RootElement);
            }
        }

        private void Apply(JsonElement e)
        {
            if (!e.TryGetProperty("seq", out var seqValue))
            {
                return; // a resource sample: no seq, no snapshot change
            }

            lock (_gate)
            {
                var seq = seqValue.GetInt64();
                if (seq <= _seq)
                {
                    _violations.Add($"event {seq} came again after {_seq}");
                }

                _seq = seq;
                if (e.GetProperty("data").TryGetProperty("service", out var service))
                {
                    var row = Row.Of(service);
                    if (_model.TryGetValue(row.Name, out var had) && row.Version <= had.Version)
                    {
                        _violations.Add($"event {seq} brought {row.Name} version {row.Version}, already at {had.Version}");
                    }

                    _model[row.Name] = row;
                    Applied++;
                }

                _progress.TrySetResult();
                _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _run;
            _socket.Dispose();
            _stop.Dispose();
        }
    }
}
