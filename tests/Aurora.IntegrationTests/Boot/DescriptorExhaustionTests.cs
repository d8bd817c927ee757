using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Aurora.Core.Processes;
using Aurora.IntegrationTests.Processes;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Boot;

/// The real daemon under `ulimit -n 256` with its socket flooded by idle connections: it refuses what it has no
/// descriptor for with 503 out_of_descriptors (and a line in its log), keeps supervising (a service killed meanwhile
/// is restarted), and serves again once the connections close.
public class DescriptorExhaustionTests
{
    [Fact(Timeout = 180000)]
    public async Task Flooded_at_its_descriptor_limit_the_daemon_refuses_with_503_restarts_a_killed_service_and_recovers()
    {
        var dir = Directory.CreateTempSubdirectory("aurora-fds-").FullName;
        File.WriteAllText(Path.Combine(dir, "aurora.yaml"), """
            version: 1
            services:
              s0: { command: ["sleep", "100000"], restart: { policy: always, backoff: { initial: 100ms } } }
              s1: { command: ["sleep", "100001"], restart: { policy: always, backoff: { initial: 100ms } } }
            """);
        var flood = new List<Socket>();
        try
        {
            var (up, upOutput) = await ProcessRun.RunAsync(dir, ["sh", "-c", "ulimit -n 256; exec \"$0\" up -d", AuroraBinary.Path]);
            Assert.True(up == 0, upOutput);

            // The event stream, connected before the flood, keeps its descriptor: the starts are waited for on it.
            var events = new LineSink();
            var follower = new PosixProcessLauncher().Start(new ProcessSpec([AuroraBinary.Path, "events", "-f", "--json"], dir,
                ProcessRun.Environment(), null, events));
            var victim = StartedPid(await events.WaitForLineAsync(l => StartedPid(l, "s0") is not null).DefaultTimeout(), "s0")!.Value;
            await events.WaitForLineAsync(l => StartedPid(l, "s1") is not null).DefaultTimeout();

            var socket = Path.Combine(dir, ".aurora", "aurora.sock");
            string? refusal = null;
            // Idle connections until one is refused, then some more, so that the count sits at the threshold and
            // not on a moment's peak (a refused connection is closed by the daemon: it holds nothing).
            var more = 16;
            for (var i = 0; i < 400 && more > 0; i++)
            {
                var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), TestContext.Current.CancellationToken).AsTask().DefaultTimeout();
                flood.Add(s);
                if (refusal is not null)
                {
                    more--;
                }
                else if (i % 8 == 7)
                {
                    refusal = await AskHealthAsync(socket);
                }
            }

            Assert.NotNull(refusal);
            Assert.Contains("503", refusal, StringComparison.Ordinal);
            Assert.Contains("out_of_descriptors", refusal, StringComparison.Ordinal);

            // Exhausted for clients, not for supervising: the killed service comes back while the flood holds.
            Os.Kill(victim, 9);
            var restarted = StartedPid(await events.WaitForLineAsync(l => StartedPid(l, "s0") is { } pid && pid != victim)
                .DefaultTimeout(TimeSpan.FromSeconds(30)), "s0");
            follower.Signal(15);

            flood.ForEach(s => s.Dispose());
            flood.Clear();
            var after = await StatusAsync(dir);
            Assert.NotEqual(victim, Pid(after, "s0"));
            Assert.All(after.GetProperty("services").EnumerateArray(), s => Assert.Equal("running", s.GetProperty("state").GetString()));
            Assert.Contains("out_of_descriptors", File.ReadAllText(Path.Combine(dir, ".aurora", "daemon.log")), StringComparison.Ordinal);
            Assert.Equal(Pid(after, "s0"), restarted);
        }
        finally
        {
            flood.ForEach(s => s.Dispose());
            await ProcessRun.Aurora(dir, "down");
            Directory.Delete(dir, recursive: true);
        }
    }

    /// GET /healthz on a new connection: the raw answer, or null when the connection was closed without one.
    private static async Task<string?> AskHealthAsync(string socket)
    {
        using var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        var ct = TestContext.Current.CancellationToken;
        await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), ct).AsTask().DefaultTimeout();
        await s.SendAsync("GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"u8.ToArray(), ct).AsTask().DefaultTimeout();
        var buffer = new byte[8192];
        var text = new StringBuilder();
        int n;
        while ((n = await s.ReceiveAsync(buffer, ct).AsTask().DefaultTimeout()) > 0)
        {
            text.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }

        var answer = text.ToString();
        return answer.StartsWith("HTTP/1.1 503", StringComparison.Ordinal) ? answer : null;
    }

    /// `aurora status --json`, asked again while the daemon still refuses (each try is a whole CLI run).
    private static async Task<JsonElement> StatusAsync(string dir)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (rc, output) = await ProcessRun.Aurora(dir, "status", "--json");
            if (rc == 0)
            {
                return JsonDocument.Parse(output).RootElement.Clone();
            }

            Assert.True(attempt < 50, output);
        }
    }

    /// The pid of a `service.started` line of `aurora events --json` for the service, else null.
    private static int? StartedPid(string line, string service)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        var e = JsonDocument.Parse(line).RootElement;
        return e.GetProperty("type").GetString() == "service.started" && e.GetProperty("service").GetString() == service
            && e.GetProperty("data").TryGetProperty("pid", out var pid) ? pid.GetInt32() : null;
    }

    private static int Pid(JsonElement status, string name) =>
        status.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).GetProperty("pid").GetInt32();
}
