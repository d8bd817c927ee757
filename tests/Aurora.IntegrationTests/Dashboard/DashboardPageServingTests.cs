using System.Net;
using System.Text.RegularExpressions;
using Aurora.Daemon.Dashboard;
using Aurora.IntegrationTests.TestSupport;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Dashboard;

public partial class DashboardPageServingTests
{
    [Fact(Timeout = 60000)]
    public async Task Page_and_every_module_it_loads_are_public_embedded_and_under_a_strict_content_security_policy()
    {
        var ct = TestContext.Current.CancellationToken;
        var (project, port) = DashboardProject.Create();
        await using var _ = project;
        await using var daemon = await project.StartDaemonAsync();
        using var http = DashboardProject.Client(port);

        // The page, its style and icon, then every ES module reachable from its <script type="module">.
        var index = await http.GetStringAsync("/", ct);
        var modules = new Queue<string>(ScriptModules().Matches(index).Select(m => "/" + m.Groups[1].Value));
        Assert.Equal(["/app.js"], modules);
        var served = new List<string>();
        foreach (var (path, type) in new[] { ("/", "text/html"), ("/app.css", "text/css"), ("/favicon.svg", "image/svg+xml") })
        {
            await AssertServedAsync(http, path, type, ct);
            served.Add(path);
        }

        while (modules.TryDequeue(out var module))
        {
            if (served.Contains(module))
            {
                continue;
            }

            var text = await AssertServedAsync(http, module, "text/javascript", ct);
            served.Add(module);
            foreach (Match import in Imports().Matches(text))
            {
                modules.Enqueue("/" + import.Groups[1].Value);
            }
        }

        // One module per panel, and nothing embedded that the page does not load.
        Assert.Superset(new HashSet<string> { "/services.js", "/sparklines.js", "/logs.js", "/timeline.js", "/history.js", "/incident.js", "/live.js", "/auth.js", "/api.js" }, served.ToHashSet());
        Assert.Equal(DashboardAssets.Paths.Where(p => p != "/index.html").Order(), served.Order());
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

    private static async Task<string> AssertServedAsync(HttpClient http, string path, string type, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
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
        return text;
    }

    [GeneratedRegex("""<script type="module" src="([^"]+)"></script>""")]
    private static partial Regex ScriptModules();

    [GeneratedRegex("""^import .* from "\./([^"]+)";$""", RegexOptions.Multiline)]
    private static partial Regex Imports();

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
        Assert.Equal($"http://127.0.0.1:{port}/#token={Aurora.Layout.TokenFile.Ensure(project.Paths)}", result.Output.Trim());
    }

    [Fact(Timeout = 60000)]
    public async Task Aurora_up_detached_prints_the_dashboard_link()
    {
        var ct = TestContext.Current.CancellationToken;
        var (project, port) = DashboardProject.Create();
        await using var _ = project;

        var up = await project.Cli(ct, "up", "-d");

        Assert.Equal(0, up.ExitCode);
        Assert.Contains($"aurora: dashboard at http://127.0.0.1:{port}/#token={Aurora.Layout.TokenFile.Ensure(project.Paths)}", up.Output);
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
