using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using Aurora.Cli.Client;
using Aurora.Core.Events;
using Aurora.Core.Timing;
using Aurora.IntegrationTests.Daemon;
using Aurora.IntegrationTests.Dashboard;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Metrics;

/// GET /metrics of a real daemon: what it says about real services, what promtool makes of it, who may read it.
public class MetricsEndpointTests
{
    public const string Promtool = "/usr/bin/promtool";

    [Fact(Timeout = 90000)]
    public async Task A_real_daemons_metrics_describe_its_services_and_pass_promtool()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            version: 1
            services:
              sleeper:
                command: ["sleep", "1000"]
                limits: { memory: 64MiB }
              burner:
                command: ["python3", "-c", "sum(range(10_000_000)); import time; time.sleep(1000)"]
              crasher:
                command: ["sh", "-c", "exit 3"]
                restart: { policy: never }
            monitor: { sample_interval: 100ms }
            """);
        await using var daemon = await project.StartDaemonAsync();
        var rt = daemon.Runtime;
        await daemon.WaitForEvent(e => e.Type == EventTypes.ServiceStarted && e.Service == "sleeper");
        await daemon.WaitForEvent(e => e.Type == EventTypes.IncidentOpened && e.Service == "crasher");

        // The burner's CPU time (about 0.2 s) shows in the samples (each tick wakes this up; nothing polls).
        var feed = rt.Resources.Feed;
        await Task.Run(async () =>
        {
            var version = feed.Version;
            while (rt.Resources.CpuTotals.Seconds("burner") is not >= 0.1 || rt.Resources.Ring?.Latest("sleeper") is null)
            {
                await feed.NewerThan(version);
                version = feed.Version;
            }
        }, ct).DefaultTimeout(TimeSpan.FromSeconds(30));

        using var client = new ControlClient(project.Paths);
        var incidentCounted = await Poll.UntilAsync(async () => (await client.Http.GetStringAsync("/metrics", ct)).Contains("\naurora_incidents_opened_total 1\n"),
            TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(20), TimeProvider.System, ct);
        Assert.True(incidentCounted, "aurora_incidents_opened_total never counted the crasher's incident");

        using var response = await client.Http.GetAsync("/metrics", ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());

        Assert.Contains("\naurora_service_up{service=\"sleeper\",group=\"sleeper\"} 1\n", text);
        Assert.Contains("\naurora_service_up{service=\"crasher\",group=\"crasher\"} 0\n", text);
        Assert.Contains("\naurora_service_state{service=\"sleeper\",group=\"sleeper\",state=\"running\"} 1\n", text);
        Assert.Contains("\naurora_service_state{service=\"sleeper\",group=\"sleeper\",state=\"failed\"} 0\n", text);
        Assert.Contains("\naurora_service_health{service=\"sleeper\",group=\"sleeper\",health=\"unknown\"} 1\n", text);
        Assert.Contains("\naurora_service_memory_limit_bytes{service=\"sleeper\",group=\"sleeper\"} 67108864\n", text);
        Assert.DoesNotContain("aurora_service_memory_limit_bytes{service=\"burner\"", text);
        Assert.Contains("\naurora_service_last_exit_code{service=\"crasher\",group=\"crasher\"} 3\n", text);
        Assert.Contains("\naurora_service_restarts_total{service=\"sleeper\",group=\"sleeper\"} 0\n", text);
        Assert.True(Value(text, "aurora_service_memory_bytes{service=\"sleeper\",group=\"sleeper\"}") > 100_000);
        Assert.True(Value(text, "aurora_service_cpu_seconds_total{service=\"burner\",group=\"burner\"}") >= 0.1);
        Assert.True(Value(text, "aurora_event_store_bytes") > 0);
        Assert.True(Value(text, "aurora_events_total") >= 5);
        Assert.True(Value(text, "process_resident_memory_bytes") > 1_000_000);
        Assert.True(Value(text, "process_cpu_seconds_total") > 0);
        Assert.Equal(3, Value(text, "aurora_services"));

        // Nothing in a label is a pid or free text.
        foreach (var pid in rt.States.All.Values.Select(s => s.Pid).OfType<int>())
        {
            Assert.DoesNotContain($"\"{pid}\"", text);
        }

        var (exit, output) = await PromtoolCheckAsync(text, ct);
        Assert.True(exit == 0 && output.Length == 0, $"promtool check metrics exited {exit}:\n{output}");
    }

    [Fact(Timeout = 60000)]
    public async Task Public_metrics_need_no_token_on_the_loopback_listener_but_every_other_route_still_does()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort.Next();
        string Yaml(bool open) => $$"""
            version: 1
            services:
              sleeper: { command: ["sleep", "1000"] }
            dashboard: { listen: "127.0.0.1:{{port}}" }
            metrics: { public: {{(open ? "true" : "false")}} }
            """;
        await using var project = TestProject.Create(Yaml(open: true));
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(e => e.Type == EventTypes.ServiceStarted && e.Service == "sleeper");
        using var anonymous = DashboardProject.Client(port);
        using var withToken = DashboardProject.Client(port, TokenFile.Ensure(project.Paths));

        using (var metrics = await anonymous.GetAsync("/metrics", ct))
        {
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
            Assert.Contains("aurora_service_up{service=\"sleeper\"", await metrics.Content.ReadAsStringAsync(ct));
        }

        foreach (var (method, path) in DashboardAuthTests.Routes.Where(r => r.Path != "/metrics").Append(("POST", "/metrics")))
        {
            using var refused = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), ct);
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)refused.StatusCode}");
        }

        // A foreign Host is still refused (DNS rebinding), public or not.
        using (var rebound = new HttpRequestMessage(HttpMethod.Get, "/metrics"))
        {
            rebound.Headers.Host = "evil.example";
            using var refused = await anonymous.SendAsync(rebound, ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // A reload that closes it applies at once.
        project.Write(Yaml(open: false));
        var outcome = await daemon.Runtime.Reloader.ReloadAsync(dryRun: false, ct);
        Assert.Contains("metrics", outcome.Plan!.Settings);
        using (var closed = await anonymous.GetAsync("/metrics", ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
        }

        using var authorised = await withToken.GetAsync("/metrics", ct);
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
    }

    [Fact(Timeout = 60000)]
    public async Task Stream_clients_are_counted_while_connected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            version: 1
            services:
              sleeper: { command: ["sleep", "1000"] }
            """);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(e => e.Type == EventTypes.ServiceStarted && e.Service == "sleeper");
        using var client = new ControlClient(project.Paths);
        Assert.Equal(0, Value(await client.Http.GetStringAsync("/metrics", ct), "aurora_stream_clients"));

        using var socket = new ClientWebSocket();
        using var invoker = client.Invoker();
        await socket.ConnectAsync(new Uri("ws://localhost/api/v1/events/stream?after=0&samples=false"), invoker, ct);
        // The replay's first message comes after the stream has counted itself.
        await socket.ReceiveAsync(new ArraySegment<byte>(new byte[64 * 1024]), ct).DefaultTimeout();

        Assert.Equal(1, Value(await client.Http.GetStringAsync("/metrics", ct), "aurora_stream_clients"));
    }

    /// The value of the one sample named exactly `series` (name and labels as written).
    internal static double Value(string text, string series)
    {
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"no sample {series} in:\n{text}");
        return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }

    private static async Task<(int Exit, string Output)> PromtoolCheckAsync(string exposition, CancellationToken ct)
    {
        Assert.SkipUnless(File.Exists(Promtool), $"{Promtool} is missing (Debian package prometheus; ./test.sh installs it)");
        var start = new ProcessStartInfo(Promtool, ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(exposition.AsMemory(), ct);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).DefaultTimeout();
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
