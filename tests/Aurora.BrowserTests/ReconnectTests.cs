using System.Globalization;
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

    [Fact(Timeout = 120000)]
    public async Task Lost_stream_is_one_new_connect_resuming_after_the_last_event_though_samples_came_later()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DashboardProject.StartAsync(ct);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, project.Link, initScript: KeepSockets);
        await dashboard.ExpectHealthyAsync("web");
        await Expect(dashboard.Page.Locator("#conn")).ToHaveTextAsync("live");
        await Expect(dashboard.Page.Locator("#history-status")).Not.ToBeEmptyAsync();
        // The services are quiet now: the next resource.sample line (it has no seq) comes after the last event.
        await dashboard.NextSampleAsync("worker");
        var lastSeq = await dashboard.Page.EvaluateAsync<long>("() => Math.max(...[...document.querySelectorAll('#events li')].map(li => +li.dataset.seq))");
        var before = dashboard.Requests.Count;
        var sockets = await dashboard.Page.EvaluateAsync<int>("() => window.auroraSockets.length");

        await dashboard.Page.EvaluateAsync("() => window.auroraSockets.at(-1).close()");

        await dashboard.Page.WaitForFunctionAsync("n => window.auroraSockets.length === n + 1 && window.auroraSockets[n].readyState === WebSocket.OPEN", sockets);
        await Expect(dashboard.Page.Locator("#conn")).ToHaveTextAsync("live");
        var url = new Uri(await dashboard.Page.EvaluateAsync<string>("() => window.auroraSockets.at(-1).url"));
        Assert.Contains($"after={lastSeq.ToString(CultureInfo.InvariantCulture)}&", url.Query, StringComparison.Ordinal);
        Assert.Equal(["GET /api/v1/services", "GET /api/v1/resources?minutes=5"], dashboard.Requests.Skip(before));
        var seqs = await dashboard.Page.EvaluateAsync<long[]>("() => [...document.querySelectorAll('#events li')].map(li => +li.dataset.seq)");
        Assert.Equal(seqs.Length, seqs.Distinct().Count());
        Assert.Empty(dashboard.ScriptErrors);
    }

    /// Keeps every WebSocket the page opens in window.auroraSockets, so a test can cut one.
    private const string KeepSockets = """
        window.auroraSockets = [];
        window.WebSocket = class extends window.WebSocket {
          constructor(...args) {
            super(...args);
            window.auroraSockets.push(this);
          }
        };
        """;
}
