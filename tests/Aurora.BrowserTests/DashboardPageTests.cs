using System.Text.RegularExpressions;
using Aurora.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Aurora.BrowserTests;

public class DashboardPageTests(BrowserFixture browser)
{
    [Fact(Timeout = 120000)]
    public async Task Page_loads_with_the_token_and_refuses_without_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DashboardProject.StartAsync(ct);

        await using (var anonymous = await DashboardPage.OpenAsync(browser.Browser, project.BaseUrl))
        {
            await Expect(anonymous.Page.Locator("#login")).ToBeVisibleAsync();
            await Expect(anonymous.Page.Locator("#app")).ToBeHiddenAsync();
            var api = await anonymous.Page.APIRequest.GetAsync(project.BaseUrl + "api/v1/services");
            Assert.Equal(401, api.Status);
            Assert.Contains("\"unauthorized\"", await api.TextAsync());

            await anonymous.Page.GetByLabel("Bearer token").FillAsync("not-the-token");
            await anonymous.Page.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();
            await Expect(anonymous.Page.Locator("#login-error")).ToContainTextAsync("refused");
            await Expect(anonymous.Page.Locator("#services tbody tr")).ToHaveCountAsync(0);

            await anonymous.Page.GetByLabel("Bearer token").FillAsync(project.Token);
            await anonymous.Page.GetByLabel("Bearer token").PressAsync("Enter");
            await anonymous.ExpectHealthyAsync("web");
        }

        await using var linked = await DashboardPage.OpenAsync(browser.Browser, project.Link);
        await linked.ExpectHealthyAsync("web");
        await Expect(linked.Cell("worker", "state")).ToHaveTextAsync("running");
        await Expect(linked.Page.Locator("#conn")).ToHaveTextAsync("live");
        Assert.DoesNotContain("token", linked.Page.Url, StringComparison.Ordinal); // the fragment is dropped from the address bar
        Assert.Empty(linked.ScriptErrors);
    }

    [Fact(Timeout = 120000)]
    public async Task Service_killed_outside_aurora_restarts_and_turns_healthy_without_a_reload()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DashboardProject.StartAsync(ct);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, project.Link);
        await dashboard.ExpectHealthyAsync("web");
        await Expect(dashboard.Page.Locator("#conn")).ToHaveTextAsync("live");
        var pid = await dashboard.PidAsync("web");
        await dashboard.Page.EvaluateAsync("() => { window.sameDocument = 42; }");

        Native.Kill(int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture), Native.SIGKILL);

        // The exit arrives over the WebSocket; the row then shows a new process, healthy again.
        var exited = dashboard.Page.Locator("#events li", new() { HasText = "service.exited" }).Filter(new() { HasText = "SIGKILL" });
        await Expect(exited.First).ToContainTextAsync("web");
        await Expect(dashboard.Cell("web", "pid")).Not.ToHaveTextAsync(pid);
        await dashboard.ExpectHealthyAsync("web");
        await Expect(dashboard.Cell("web", "restarts")).ToHaveTextAsync("1");
        Assert.NotEqual(pid, await dashboard.PidAsync("web"));
        Assert.Equal(42, await dashboard.Page.EvaluateAsync<int>("() => window.sameDocument"));
    }

    [Fact(Timeout = 120000)]
    public async Task Restart_button_restarts_the_service()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DashboardProject.StartAsync(ct);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, project.Link);
        await dashboard.ExpectHealthyAsync("web");
        var pid = await dashboard.PidAsync("web");

        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Restart web", Exact = true }).ClickAsync();

        await Expect(dashboard.Page.Locator("#action-status")).ToContainTextAsync("restart web:");
        await Expect(dashboard.Cell("web", "pid")).Not.ToHaveTextAsync(pid);
        await dashboard.ExpectHealthyAsync("web");
        var row = await project.ServiceAsync("web", ct);
        Assert.NotEqual(pid, row.GetProperty("pid").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact(Timeout = 120000)]
    public async Task History_search_shows_a_known_incident()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DashboardProject.StartAsync(ct);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, project.Link);
        await dashboard.ExpectHealthyAsync("web");
        Native.Kill(int.Parse(await dashboard.PidAsync("web"), System.Globalization.CultureInfo.InvariantCulture), Native.SIGKILL);
        await Expect(dashboard.Cell("web", "restarts")).ToHaveTextAsync("1");
        await dashboard.ExpectHealthyAsync("web");

        await dashboard.Page.GetByLabel("Search past incidents and events").FillAsync("web");
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        var incident = dashboard.Page.Locator("#incidents li[data-incident] button").First;
        await Expect(incident).ToContainTextAsync("web");
        await incident.ClickAsync();
        await Expect(dashboard.Page.Locator("#incident")).ToBeVisibleAsync();
        await Expect(dashboard.Page.Locator("#incident-facts")).ToContainTextAsync("web");
        await Expect(dashboard.Page.Locator("#incident-evidence")).ToContainTextAsync(new Regex("SIGKILL|killed", RegexOptions.IgnoreCase));
    }

    /// The page against SPEC §4's history shape, served by the browser itself until this branch has the endpoint.
    [Fact(Timeout = 120000)]
    public async Task History_search_renders_incidents_with_evidence_and_fixes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DashboardProject.StartAsync(ct);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, project.Link);
        await dashboard.ExpectHealthyAsync("web");
        await Expect(dashboard.Page.Locator("#history-status")).Not.ToBeEmptyAsync(); // the first, empty search has answered
        string? query = null;
        await dashboard.Page.RouteAsync("**/api/v1/history?**", async route =>
        {
            query = new Uri(route.Request.Url).Query;
            await route.FulfillAsync(new() { ContentType = "application/json", Body = HistorySample });
        });

        await dashboard.Page.GetByLabel("Search past incidents and events").FillAsync("port conflict");
        await dashboard.Page.GetByLabel("Search past incidents and events").PressAsync("Enter");

        var incident = dashboard.Page.Locator("#incidents li[data-incident='inc-17'] button");
        await Expect(incident).ToContainTextAsync("port_conflict");
        Assert.Contains("q=port%20conflict", query);
        await Expect(dashboard.Page.Locator("#history-events li")).ToContainTextAsync("incident.opened");
        await incident.ClickAsync();
        await Expect(dashboard.Page.Locator("#incident-title")).ToBeFocusedAsync();
        await Expect(dashboard.Page.Locator("#incident-facts")).ToContainTextAsync("port_conflict");
        await Expect(dashboard.Page.Locator("#incident-evidence")).ToContainTextAsync("Address already in use");
        await Expect(dashboard.Page.Locator("#incident-fixes tbody")).ToContainTextAsync("stop_stale_instance");
        await Expect(dashboard.Page.Locator("#incident-fixes tbody")).ToContainTextAsync("verified");
        await dashboard.ScreenshotAsync("dashboard-incident");
    }

    [Fact(Timeout = 120000)]
    public async Task Screenshots_at_desktop_and_phone_width()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DashboardProject.StartAsync(ct);
        // `up -d` returns before web's process exists (it read `pid: null` on a loaded machine): take the pid from a
        // page once it shows web healthy, then kill it so the pages have a restart, a cause and a red event to show.
        await using (var first = await DashboardPage.OpenAsync(browser.Browser, project.Link))
        {
            await first.ExpectHealthyAsync("web");
            Native.Kill(int.Parse(await first.PidAsync("web"), System.Globalization.CultureInfo.InvariantCulture), Native.SIGKILL);
        }

        foreach (var (name, width, height) in new[] { ("dashboard-desktop", 1280, 900), ("dashboard-phone", 390, 844) })
        {
            await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, project.Link, width, height);
            await Expect(dashboard.Cell("web", "restarts")).ToHaveTextAsync("1");
            await dashboard.ExpectHealthyAsync("web");
            await dashboard.Page.GetByLabel("Service", new() { Exact = true }).SelectOptionAsync("worker");
            await Expect(dashboard.Page.Locator("#log")).ToContainTextAsync("worker tick");
            await Expect(dashboard.Page.Locator("#charts figure[data-service='web'] polyline.mem")).ToHaveAttributeAsync("points", new Regex(@"^\S+ \S+ \S+"));

            await Expect(dashboard.Page.Locator("#history-status")).Not.ToBeEmptyAsync();
            await dashboard.ScreenshotAsync(name);
            Assert.Empty(dashboard.ScriptErrors);
        }
    }

    private const string HistorySample = """
        {"incidents": [{"id": "inc-17", "service": "web", "cause": "port_conflict",
          "opened": "2026-11-24T10:15:03.118Z", "resolved": "2026-11-24T10:15:09.402Z",
          "evidence": ["OSError: [Errno 98] Address already in use", "port 8080 held by pid 4711 (python3 -m http.server 8080)"],
          "fixes": [{"fix": "stop_stale_instance", "outcome": "verified"}]},
         {"id": "inc-12", "service": "worker", "cause": "missing_dependency",
          "opened": "2026-11-23T08:01:00.000Z", "resolved": null,
          "evidence": ["ModuleNotFoundError: No module named 'redis'"],
          "fixes": [{"fix": "install", "outcome": "rolled_back"}]}],
         "events": [{"seq": 1042, "time": "2026-11-24T10:15:03.118Z", "type": "incident.opened", "service": "web",
          "data": {"cause": "port_conflict"}}]}
        """;
}
