using System.Net;
using System.Text;
using Aurora.Daemon.Hosting;
using Aurora.IntegrationTests.Http;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Dashboard;

/// Issue 19 findings on the TCP listener: the token comparison and the Host check (DNS rebinding).
public sealed class DashboardHardeningTests
{
    [Fact(Timeout = 60000)]
    public async Task An_empty_token_file_does_not_let_Unicode_white_space_in_Issue19_2()
    {
        var (project, port) = DashboardProject.Create();
        await using var _ = project;
        Directory.CreateDirectory(project.Paths.StateDirectory);
        File.WriteAllText(project.Paths.Token, "");
        File.SetUnixFileMode(project.Paths.Token, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await using var daemon = await project.StartDaemonAsync();

        // Byte 0xA0 (no-break space in Latin-1) after the scheme: trimmed, it used to equal the empty token.
        foreach (var credentials in new[] { "Bearer \u00a0", "Bearer \u00a0\u0085", "bearer \u0085", "Bearer  " })
        {
            using var client = await RawHttpClient.TcpAsync(port);
            await client.SendAsync(Encoding.Latin1.GetBytes($"GET /api/v1/services HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: {credentials}\r\n\r\n"));

            var response = await client.ReadResponseAsync();
            Assert.StartsWith("HTTP/1.1 401 ", response.Head);
        }

        Assert.Matches("^[0-9a-f]{48}$", TokenFile.Ensure(project.Paths));
    }

    [Fact(Timeout = 60000)]
    public async Task The_token_is_compared_as_sent_with_nothing_trimmed_Issue19_2()
    {
        var (project, port) = DashboardProject.Create();
        await using var _ = project;
        await using var daemon = await project.StartDaemonAsync();
        var token = TokenFile.Ensure(project.Paths);

        async Task<string> StatusFor(string credentials)
        {
            using var client = await RawHttpClient.TcpAsync(port);
            await client.SendAsync(Encoding.Latin1.GetBytes($"GET /api/v1/services HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: {credentials}\r\n\r\n"));
            return (await client.ReadResponseAsync()).Head.Split(' ')[1];
        }

        Assert.Equal("200", await StatusFor("Bearer " + token));
        Assert.Equal("200", await StatusFor("Bearer   " + token + " \t"));
        Assert.Equal("401", await StatusFor("Bearer " + token + "\u00a0"));
        Assert.Equal("401", await StatusFor("Bearer \u00a0" + token));
        Assert.Equal("401", await StatusFor("Bearer " + token[..^1]));
    }

    [Theory(Timeout = 60000)]
    [InlineData("evil.example:{port}")]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1.evil.example:{port}")]
    [InlineData("localhost.evil.example:{port}")]
    public async Task A_request_naming_a_foreign_host_is_refused_even_with_the_token_Issue19_7(string host)
    {
        var ct = TestContext.Current.CancellationToken;
        var (project, port) = DashboardProject.Create();
        await using var _ = project;
        await using var daemon = await project.StartDaemonAsync();
        using var http = DashboardProject.Client(port, TokenFile.Ensure(project.Paths));

        foreach (var path in new[] { "/api/v1/services", "/" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = host.Replace("{port}", port.ToString(), StringComparison.Ordinal);
            using var response = await http.SendAsync(request, ct);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("\"code\":\"forbidden_host\"", await response.Content.ReadAsStringAsync(ct));
        }
    }

    [Fact(Timeout = 60000)]
    public async Task A_TCP_request_without_a_Host_header_is_refused()
    {
        var (project, port) = DashboardProject.Create();
        await using var _ = project;
        await using var daemon = await project.StartDaemonAsync();

        using var client = await RawHttpClient.TcpAsync(port);
        await client.SendAsync("GET / HTTP/1.0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 403 ", (await client.ReadResponseAsync()).Head);
    }

    [Theory(Timeout = 60000)]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("LocalHost")]
    [InlineData("[::1]:{port}")]
    [InlineData("192.168.1.20:{port}")]
    [InlineData("aurora.test:{port}")]
    [InlineData("Aurora.Test")]
    public async Task The_listen_host_localhost_IP_addresses_and_dashboard_hosts_are_accepted(string host)
    {
        var ct = TestContext.Current.CancellationToken;
        var (project, port) = DashboardProject.Create(dashboard: "hosts: [aurora.test]");
        await using var _ = project;
        await using var daemon = await project.StartDaemonAsync();
        using var http = DashboardProject.Client(port, TokenFile.Ensure(project.Paths));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/services");
        request.Headers.Host = host.Replace("{port}", port.ToString(), StringComparison.Ordinal);
        using var response = await http.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
