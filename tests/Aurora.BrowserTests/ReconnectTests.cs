using Aurora.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Aurora.BrowserTests;

public class ReconnectTests(BrowserFixture browser)
{
    [Fact(Timeout = 120000)]
    public async Task Page_reconnects_by_itself_after_a_daemon_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DashboardProject.StartAsync(ct);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, project.Link);
        await dashboard.ExpectHealthyAsync("web");
        var conn = dashboard.Page.Locator("#conn");
        await Expect(conn).ToHaveTextAsync("live");
        var pid = await dashboard.PidAsync("web");

        await project.DownAsync(ct);
        await Expect(conn).ToContainTextAsync("reconnecting");

        await project.UpAsync(ct);
        await Expect(conn).ToHaveTextAsync("live", new() { Timeout = 30000 });
        await Expect(dashboard.Cell("web", "pid")).Not.ToHaveTextAsync(pid);
        await dashboard.ExpectHealthyAsync("web");
        // Events of the new daemon reach the timeline through the resumed stream.
        await Expect(dashboard.Page.Locator("#events li", new() { HasText = "daemon.started" })).ToHaveCountAsync(2);
    }
}
