using System.Text.RegularExpressions;
using Aurora.BrowserTests.Support;
using Aurora.Tests;
using static Microsoft.Playwright.Assertions;

namespace Aurora.BrowserTests;

/// Issue 15: the table shows each limit of `limits:` beside the usage it bounds, and keeps showing it after the
/// service's row was replaced from the stream (a snapshot carries no limits; the page keeps the list's).
public class LimitsDisplayTests(BrowserFixture browser)
{
    [Fact(Timeout = 120000)]
    public async Task Limits_show_beside_usage_and_survive_a_restart_seen_on_the_stream()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DashboardProject.StartAsync(ct, """
              capped:
                command: ["sleep", "1000"]
                limits: { memory: 256MiB, cpu: 90% }
            """);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, project.Link);

        await Expect(dashboard.Cell("capped", "mem")).ToHaveTextAsync(new Regex(@"/ 256(\.0)? ?MiB$"));
        await Expect(dashboard.Cell("capped", "cpu")).ToHaveTextAsync(new Regex(@"/ 90\.0%$"));
        await Expect(dashboard.Cell("worker", "mem")).Not.ToContainTextAsync("/");
        var pid = await dashboard.PidAsync("capped");

        var (code, output) = await AuroraCli.RunAsync(project.Dir, ct, "restart", "capped");

        Assert.True(code == 0, output);
        await Expect(dashboard.Cell("capped", "pid")).Not.ToHaveTextAsync(pid);
        await Expect(dashboard.Cell("capped", "mem")).ToHaveTextAsync(new Regex(@"/ 256(\.0)? ?MiB$"));
        await Expect(dashboard.Cell("capped", "cpu")).ToHaveTextAsync(new Regex(@"/ 90\.0%$"));
        Assert.Empty(dashboard.ScriptErrors);
    }
}
