using System.Net;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Dashboard;

public class DashboardPageServingTests
{
    [Fact(Timeout = 60000)]
    public async Task Page_is_public_embedded_and_under_a_strict_content_security_policy()
    {
        var ct = TestContext.Current.CancellationToken;
        var (project, port) = DashboardProject.Create();
        await using var _ = project;
        await using var daemon = await project.StartDaemonAsync();
        using var http = DashboardProject.Client(port);

        foreach (var (path, type) in new[] { ("/", "text/html"), ("/app.js", "text/javascript"), ("/app.css", "text/css"), ("/favicon.svg", "image/svg+xml") })
        {
            using var response = await http.GetAsync(path, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
            // Nothing from the internet: no absolute URL to load (the SVG namespace is a name, not a fetch).
            var text = (await response.Content.ReadAsStringAsync(ct)).Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal);
            Assert.DoesNotContain("https://", text);
            Assert.DoesNotContain("http://", text);
        }
    }

    [Fact(Timeout = 60000)]
    public async Task The_page_may_open_WebSockets_only_to_its_own_origin_Issue19_7()
    {
        var ct = TestContext.Current.CancellationToken;
        var (project, port) = DashboardProject.Create();
        await using var _ = project;
        await using var daemon = await project.StartDaemonAsync();
        using var http = DashboardProject.Client(port);

        using var response = await http.GetAsync("/", ct);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("connect-src 'self';", csp);
        Assert.DoesNotContain("ws:", csp);
        Assert.DoesNotContain("wss:", csp);
    }

    [Fact(Timeout = 60000)]
    public async Task Aurora_dashboard_prints_the_link_with_the_token()
    {
        var ct = TestContext.Current.CancellationToken;
        var (project, port) = DashboardProject.Create();
        await using var _ = project;

        var before = await project.Cli(ct, "dashboard");
        Assert.Equal(3, before.ExitCode);

        await using var daemon = await project.StartDaemonAsync();
        var result = await project.Cli(ct, "dashboard");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"http://127.0.0.1:{port}/#token={Aurora.Daemon.Hosting.TokenFile.Ensure(project.Paths)}", result.Output.Trim());
    }

    [Fact(Timeout = 60000)]
    public async Task Aurora_up_detached_prints_the_dashboard_link()
    {
        var ct = TestContext.Current.CancellationToken;
        var (project, port) = DashboardProject.Create();
        await using var _ = project;

        var up = await project.Cli(ct, "up", "-d");

        Assert.Equal(0, up.ExitCode);
        Assert.Contains($"aurora: dashboard at http://127.0.0.1:{port}/#token={Aurora.Daemon.Hosting.TokenFile.Ensure(project.Paths)}", up.Output);
        Assert.Equal(0, (await project.Cli(ct, "down")).ExitCode);
    }

    [Fact(Timeout = 60000)]
    public async Task Aurora_dashboard_without_a_dashboard_configured_says_how_to_add_one()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = Daemon.TestProject.Create("""
            services:
              sleeper: { command: ["sleep", "1000"] }
            """);

        var result = await project.Cli(ct, "dashboard").DefaultTimeout(TimeSpan.FromSeconds(60));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("dashboard: { listen:", result.Output);
    }
}
