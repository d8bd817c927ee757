using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Aurora.BrowserTests.Support;

/// One browser context on the dashboard, with the locators the tests read.
internal sealed class DashboardPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    /// Console errors other than failed fetches (a refused token or a missing route logs those by design),
    /// e.g. a Content-Security-Policy violation or a script error.
    public List<string> ScriptErrors { get; } = [];

    private readonly List<string> _requests = [];

    /// Every HTTP request the page has made so far, as "METHOD path?query" (the event WebSocket is not counted).
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// `initScript`: run in the page before its own scripts (e.g. to keep hold of its WebSockets).
    public static async Task<DashboardPage> OpenAsync(IBrowser browser, string url, int width = 1280, int height = 900, string? initScript = null)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        if (initScript is not null)
        {
            await context.AddInitScriptAsync(initScript);
        }

        var page = await context.NewPageAsync();
        var dashboard = new DashboardPage(context, page);
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                dashboard.ScriptErrors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => dashboard.ScriptErrors.Add(e);
        page.Request += (_, r) =>
        {
            if (IsHttp(r))
            {
                lock (dashboard._requests)
                {
                    dashboard._requests.Add($"{r.Method} {new Uri(r.Url).PathAndQuery}");
                }
            }
        };
        await page.GotoAsync(url);
        return dashboard;
    }

    /// Waits `window` for the page to make an HTTP request; returns the first one made, or null if none was.
    public async Task<string?> FirstRequestWithinAsync(TimeSpan window)
    {
        try
        {
            var request = await Page.WaitForRequestAsync(IsHttp, new() { Timeout = (float)window.TotalMilliseconds });
            return $"{request.Method} {new Uri(request.Url).PathAndQuery}";
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static bool IsHttp(IRequest r) => r.ResourceType != "websocket" && r.Url.StartsWith("http", StringComparison.Ordinal);

    public ILocator Row(string service) => Page.Locator($"#services tbody tr[data-service='{service}']");

    public ILocator Cell(string service, string column) => Row(service).Locator($"td.{column}");

    public async Task<string> PidAsync(string service) => (await Cell(service, "pid").TextContentAsync())!.Trim();

    /// Waits for the next resource.sample line from the stream: the service's memory sparkline gains a point.
    public async Task NextSampleAsync(string service)
    {
        var memory = Page.Locator($"#charts figure[data-service='{service}'] polyline.mem");
        var points = ((await memory.GetAttributeAsync("points")) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        await Expect(memory).ToHaveAttributeAsync("points", new Regex($@"^(\S+ ){{{points},}}\S+$"));
    }

    public Task ExpectHealthyAsync(string service) => Expect(Cell(service, "state")).ToHaveTextAsync("healthy");

    public async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0, $"{path} is empty");
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
