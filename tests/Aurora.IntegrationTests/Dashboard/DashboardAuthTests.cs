using System.Net;
using System.Net.WebSockets;
using System.Text;
using Aurora.Cli.Client;
using Aurora.Core.Events;
using Aurora.Daemon.Hosting;
using Aurora.IntegrationTests.TestSupport;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Dashboard;

public class DashboardAuthTests
{
    /// Every SPEC §7 route (and one that does not exist, so routes added later are covered too).
    public static readonly (string Method, string Path)[] Routes =
    [
        ("GET", "/api/v1/services"),
        ("GET", "/api/v1/services/sleeper"),
        ("POST", "/api/v1/services/sleeper/start"),
        ("POST", "/api/v1/services/sleeper/stop"),
        ("POST", "/api/v1/services/sleeper/restart"),
        ("GET", "/api/v1/services/sleeper/logs?tail=5"),
        ("GET", "/api/v1/services/sleeper/logs?follow=true"),
        ("GET", "/api/v1/events?after=0&limit=5"),
        ("GET", "/api/v1/events/stream?after=0"),
        ("GET", "/api/v1/history?q=crash"),
        ("POST", "/api/v1/ask"),
        ("POST", "/api/v1/reload"),
        ("POST", "/api/v1/shutdown"),
        ("GET", "/api/v1/no-such-route"),
        ("GET", "/metrics"),
        ("GET", "/healthz"),
    ];

    [Fact(Timeout = 60000)]
    public async Task Every_api_route_answers_401_without_the_token()
    {
        var ct = TestContext.Current.CancellationToken;
        var (project, port) = DashboardProject.Create();
        await using var _ = project;
        await using var daemon = await project.StartDaemonAsync();
        var started = await daemon.WaitForEvent(EventTypes.ServiceStarted, "sleeper");
        using var anonymous = DashboardProject.Client(port);
        var token = TokenFile.Ensure(project.Paths);
        using var wrong = DashboardProject.Client(port, (token[0] == '0' ? "1" : "0") + token[1..]);

        var failures = new List<string>();
        foreach (var (method, path) in Routes)
        {
            foreach (var (who, http) in new[] { ("no token", anonymous), ("wrong token", wrong) })
            {
                using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode != HttpStatusCode.Unauthorized || !body.Contains("\"code\":\"unauthorized\"", StringComparison.Ordinal))
                {
                    failures.Add($"{method} {path} ({who}): {(int)response.StatusCode} {body}");
                }
            }
        }

        Assert.Empty(failures);
        // Nothing those requests asked for happened: the service still runs its first process.
        var sleeper = daemon.Runtime.Orchestrator.Find("sleeper")!.Snapshot;
        Assert.Equal(started.Data.GetProperty("pid").GetInt32(), sleeper.Pid);
    }

    [Fact(Timeout = 60000)]
    public async Task Token_opens_the_api_over_tcp_and_the_unix_socket_needs_none()
    {
        var ct = TestContext.Current.CancellationToken;
        var (project, port) = DashboardProject.Create();
        await using var _ = project;
        await using var daemon = await project.StartDaemonAsync();
        using var http = DashboardProject.Client(port, TokenFile.Ensure(project.Paths));

        using var response = await http.GetAsync("/api/v1/services", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"sleeper\"", await response.Content.ReadAsStringAsync(ct));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var local = new ControlClient(project.Paths);
        Assert.Contains("\"sleeper\"", await local.GetRawAsync("/api/v1/services", ct));
    }

    [Fact(Timeout = 60000)]
    public async Task WebSocket_needs_the_token()
    {
        var ct = TestContext.Current.CancellationToken;
        var (project, port) = DashboardProject.Create();
        await using var _ = project;
        await using var daemon = await project.StartDaemonAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedUpgradeAsync(port, "", null, ct));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedUpgradeAsync(port, "?token=nope", $"http://127.0.0.1:{port}", ct));
    }

    [Theory(Timeout = 60000)]
    [InlineData("http://evil.example")]
    [InlineData("http://evil.example:{port}")]
    [InlineData("http://127.0.0.1.evil.example:{port}")]
    [InlineData("http://127.0.0.1:1")]
    [InlineData("null")]
    public async Task WebSocket_upgrade_from_a_foreign_origin_is_refused(string origin)
    {
        var ct = TestContext.Current.CancellationToken;
        var (project, port) = DashboardProject.Create();
        await using var _ = project;
        await using var daemon = await project.StartDaemonAsync();
        var token = TokenFile.Ensure(project.Paths);

        var status = await RefusedUpgradeAsync(port, "?token=" + token, origin.Replace("{port}", port.ToString(), StringComparison.Ordinal), ct);

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Theory(Timeout = 60000)]
    [InlineData("http://127.0.0.1:{port}")]
    [InlineData("http://localhost:{port}")]
    public async Task WebSocket_from_the_dashboard_origin_with_the_token_streams_events(string origin)
    {
        var ct = TestContext.Current.CancellationToken;
        var (project, port) = DashboardProject.Create();
        await using var _ = project;
        await using var daemon = await project.StartDaemonAsync();
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", origin.Replace("{port}", port.ToString(), StringComparison.Ordinal));

        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/api/v1/events/stream?after=0&token={TokenFile.Ensure(project.Paths)}"), ct).DefaultTimeout();

        var buffer = new byte[8192];
        var first = await socket.ReceiveAsync(buffer, ct).DefaultTimeout();
        Assert.Contains("\"type\":\"daemon.started\"", Encoding.UTF8.GetString(buffer, 0, first.Count));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
    }

    private static async Task<HttpStatusCode> RefusedUpgradeAsync(int port, string query, string? origin, CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/api/v1/events/stream{query}"), ct).DefaultTimeout());
        return socket.HttpStatusCode;
    }
}
