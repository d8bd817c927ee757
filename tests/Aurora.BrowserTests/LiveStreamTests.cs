using System.Globalization;
using System.Text.RegularExpressions;
using Aurora.BrowserTests.Support;
using Aurora.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Aurora.BrowserTests;

/// Issue 13: the page reads the services once at connect and then follows the event stream and the log stream;
/// it polls nothing.
public class LiveStreamTests(BrowserFixture browser)
{
    [Fact(Timeout = 120000)]
    public async Task Page_makes_no_request_in_ten_quiet_seconds_while_it_stays_current()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DashboardProject.StartAsync(ct);
        await using var dashboard = await OpenSettledAsync(project, "worker");
        var tick = await LastTickAsync(dashboard);
        var uptime = await dashboard.Cell("worker", "uptime").TextContentAsync();

        // The window is the measurement: the page is settled, nothing happens to the services, and the only
        // traffic allowed is what arrives on streams it already holds open.
        var made = await dashboard.FirstRequestWithinAsync(TimeSpan.FromSeconds(10));

        Assert.True(made is null, $"the page made a request in a quiet moment: {made}");
        Assert.True(await LastTickAsync(dashboard) >= tick + 5, "the log stopped following during the quiet window");
        Assert.NotEqual(uptime, await dashboard.Cell("worker", "uptime").TextContentAsync());
        Assert.Empty(dashboard.ScriptErrors);
    }

    [Fact(Timeout = 120000)]
    public async Task Restart_from_the_cli_reaches_the_table_over_the_stream()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DashboardProject.StartAsync(ct);
        await using var dashboard = await OpenSettledAsync(project, "web");
        var pid = await dashboard.PidAsync("web");
        var before = dashboard.Requests.Count;

        var (code, output) = await AuroraCli.RunAsync(project.Dir, ct, "restart", "web");

        Assert.True(code == 0, output);
        await Expect(dashboard.Cell("web", "pid")).Not.ToHaveTextAsync(pid);
        await dashboard.ExpectHealthyAsync("web");
        var row = await project.ServiceAsync("web", ct);
        Assert.Equal(row.GetProperty("pid").GetInt32().ToString(CultureInfo.InvariantCulture), await dashboard.PidAsync("web"));
        await Expect(dashboard.Page.Locator("#events li", new() { HasText = "service.stopping" }).First).ToContainTextAsync("web");
        Assert.Empty(dashboard.Requests.Skip(before)); // no re-read of the list after the events
    }

    [Fact(Timeout = 120000)]
    public async Task Log_line_written_after_the_page_opened_appears_without_a_reload()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DashboardProject.StartAsync(ct);
        await using var dashboard = await OpenSettledAsync(project, choose: null);
        await Expect(dashboard.Page.Locator("#log-service")).ToHaveValueAsync("web");
        var webStreamAborted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        dashboard.Page.RequestFailed += (_, r) =>
        {
            if (r.Url.Contains("/services/web/logs", StringComparison.Ordinal))
            {
                webStreamAborted.TrySetResult(r.Failure ?? "");
            }
        };
        await dashboard.Page.EvaluateAsync("() => { window.sameDocument = 7; }");

        await dashboard.Page.GetByLabel("Service", new() { Exact = true }).SelectOptionAsync("worker");

        Assert.Contains("ABORTED", await webStreamAborted.Task.DefaultTimeout(), StringComparison.OrdinalIgnoreCase);
        await Expect(dashboard.Page.Locator("#log")).ToContainTextAsync("worker tick");
        var tick = await LastTickAsync(dashboard);
        await Expect(dashboard.Page.Locator("#log")).ToContainTextAsync($"worker tick {tick + 2}\n");
        Assert.Equal(7, await dashboard.Page.EvaluateAsync<int>("() => window.sameDocument"));
        var reads = dashboard.Requests.Where(r => r.Contains("/services/worker/logs", StringComparison.Ordinal)).ToList();
        Assert.Equal(["GET /api/v1/services/worker/logs?tail=200&follow=true"], reads);
    }

    [Fact(Timeout = 120000)]
    public async Task Table_groups_replicas_with_their_status_text_and_a_group_restart_restarts_each()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DashboardProject.StartAsync(ct, """
              pool:
                command: ["python3", "notify.py"]
                replicas: 2
                ready: { notify: true, timeout: 20s }
            """, new Dictionary<string, string> { ["notify.py"] = NotifyScript });
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, project.Link);
        var group = dashboard.Page.Locator("#services tbody tr[data-group='pool']");

        await Expect(group.Locator("td.state")).ToHaveTextAsync("2 replicas: 2 healthy");
        await Expect(group.Locator("td.health")).ToContainTextAsync("2/2 ready");
        await Expect(dashboard.Cell("pool-1", "reason")).ToHaveTextAsync("serving as replica 1");
        await Expect(dashboard.Cell("pool-2", "reason")).ToHaveTextAsync("serving as replica 2");
        await Expect(dashboard.Cell("pool-2", "health")).ToContainTextAsync("ready");
        var order = await dashboard.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('#services tbody tr')].map(r => (r.dataset.group ? 'group:' : '') + (r.dataset.group || r.dataset.service) + (r.classList.contains('replica') ? ':replica' : ''))");
        Assert.Equal(["web", "worker", "group:pool", "pool-1:replica", "pool-2:replica"], order);
        var pids = new[] { await dashboard.PidAsync("pool-1"), await dashboard.PidAsync("pool-2") };

        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Restart pool", Exact = true }).ClickAsync();

        await Expect(dashboard.Page.Locator("#action-status")).ToContainTextAsync("restart pool: 2 replicas now");
        await Expect(dashboard.Cell("pool-1", "pid")).Not.ToHaveTextAsync(pids[0]);
        await Expect(dashboard.Cell("pool-2", "pid")).Not.ToHaveTextAsync(pids[1]);
        await Expect(group.Locator("td.state")).ToHaveTextAsync("2 replicas: 2 healthy");
        Assert.Empty(dashboard.ScriptErrors);
    }

    [Fact(Timeout = 120000)]
    public async Task Incident_from_the_stream_shows_in_history_and_resolves_without_a_search()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DashboardProject.StartAsync(ct);
        await using var dashboard = await OpenSettledAsync(project, "web");
        await Expect(dashboard.Page.Locator("#incidents li[data-incident]")).ToHaveCountAsync(0);
        var before = dashboard.Requests.Count;

        Native.Kill(int.Parse(await dashboard.PidAsync("web"), CultureInfo.InvariantCulture), Native.SIGKILL);

        var incident = dashboard.Page.Locator("#incidents li[data-incident] button");
        await Expect(incident).ToContainTextAsync("web");
        var id = await dashboard.Page.Locator("#incidents li[data-incident]").GetAttributeAsync("data-incident");
        await Expect(dashboard.Page.Locator("#events li", new() { HasText = "incident.opened" })).ToContainTextAsync(id!);
        await Expect(incident).ToContainTextAsync("resolved");
        await Expect(dashboard.Page.Locator("#history-status")).ToContainTextAsync("1 incident,");
        Assert.Empty(dashboard.Requests.Skip(before));
    }

    [Fact(Timeout = 120000)]
    public async Task Samples_on_the_stream_update_usage_and_the_sparklines()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DashboardProject.StartAsync(ct);
        await using var dashboard = await OpenSettledAsync(project, "worker");
        var memory = dashboard.Page.Locator("#charts figure[data-service='worker'] polyline.mem");
        await Expect(memory).ToHaveAttributeAsync("points", new Regex(@"\S"));
        var before = dashboard.Requests.Count;

        await dashboard.NextSampleAsync("worker");

        await Expect(dashboard.Cell("worker", "cpu")).ToHaveTextAsync(new Regex(@"^\d+\.\d%$"));
        await Expect(dashboard.Cell("worker", "mem")).ToHaveTextAsync(new Regex(@"^[\d.]+ (KiB|MiB)$"));
        await Expect(dashboard.Page.Locator("#charts figure[data-service='worker'] .mem-box .value")).ToContainTextAsync("now");
        await Expect(dashboard.Page.Locator("#charts-status")).ToBeEmptyAsync();
        Assert.Empty(dashboard.Requests.Skip(before));
    }

    /// The page with everything it reads at connect answered: live, the first history search in, and the
    /// chosen service's log (null: the one chosen by itself) streaming.
    private async Task<DashboardPage> OpenSettledAsync(DashboardProject project, string? choose)
    {
        var dashboard = await DashboardPage.OpenAsync(browser.Browser, project.Link);
        await dashboard.ExpectHealthyAsync("web");
        await Expect(dashboard.Cell("worker", "state")).ToHaveTextAsync("running");
        await Expect(dashboard.Page.Locator("#conn")).ToHaveTextAsync("live");
        await Expect(dashboard.Page.Locator("#history-status")).Not.ToBeEmptyAsync();
        if (choose is not null)
        {
            await dashboard.Page.GetByLabel("Service", new() { Exact = true }).SelectOptionAsync(choose);
            await Expect(dashboard.Page.Locator("#log")).ToContainTextAsync(choose == "worker" ? "worker tick" : "GET /");
        }

        return dashboard;
    }

    private static Task<int> LastTickAsync(DashboardPage dashboard) => dashboard.Page.EvaluateAsync<int>(
        "() => { const m = [...document.getElementById('log').textContent.matchAll(/worker tick (\\d+)/g)]; return m.length ? +m[m.length - 1][1] : 0; }");

    /// A real sd_notify client: READY=1 and a status naming its replica, as one datagram to $NOTIFY_SOCKET.
    private const string NotifyScript = """
        import os, socket, time
        addr = os.environ['NOTIFY_SOCKET']
        addr = '\0' + addr[1:] if addr.startswith('@') else addr
        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        s.sendto(('READY=1\nSTATUS=serving as replica ' + os.environ['AURORA_REPLICA']).encode(), addr)
        while True:
            time.sleep(1000)
        """;
}
