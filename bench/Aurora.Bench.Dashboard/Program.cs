using System.Diagnostics;
using Aurora.Bench.Dashboard;
using Microsoft.Playwright;

// What one connected dashboard costs the daemon (issue 13): `aurora up -d` with --services sleeping services
// (monitor.sample_interval: --sampling) and a dashboard listener; then, --runs times, the daemon's CPU
// (utime+stime of /proc/PID/stat) over --seconds with no page open, and over --seconds with --pages real
// dashboards (headless Debian Chromium pages, each live: it read the list and the resources and follows the
// event stream and a log). (with - without) / pages is one dashboard's cost. It also says what each page
// received (WebSocket messages and bytes a second) and what the browser spent per page (all its processes).
//
//   dotnet run --project bench/Aurora.Bench.Dashboard -c Release -- [--aurora .build/cli/aurora] [--services 200]
//       [--pages 10] [--seconds 60] [--settle 10] [--runs 2] [--sampling 1s]
var aurora = Path.GetFullPath(Arg("--aurora", ".build/cli/aurora"));
var services = int.Parse(Arg("--services", "200"), System.Globalization.CultureInfo.InvariantCulture);
var pages = int.Parse(Arg("--pages", "10"), System.Globalization.CultureInfo.InvariantCulture);
var window = TimeSpan.FromSeconds(double.Parse(Arg("--seconds", "60"), System.Globalization.CultureInfo.InvariantCulture));
var settle = TimeSpan.FromSeconds(double.Parse(Arg("--settle", "10"), System.Globalization.CultureInfo.InvariantCulture));
var runs = int.Parse(Arg("--runs", "2"), System.Globalization.CultureInfo.InvariantCulture);
var sampling = Arg("--sampling", "1s");
var ct = CancellationToken.None;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
await using var project = await BenchProject.StartAsync(aurora, services, sampling, ct);
await project.WaitAllRunningAsync(services, ct);
Console.WriteLine($"{aurora}: {services} services, sample_interval {sampling}, daemon pid {project.DaemonPid}; settling {settle.TotalSeconds:0}s");
await Task.Delay(settle, TimeProvider.System, ct);

var costs = new List<double>();
var browserCosts = new List<double>();
for (var run = 1; run <= runs; run++)
{
    var (idle, browserIdle) = await MeasureAsync();
    var open = new List<(IBrowserContext Context, Counter Frames, ICDPSession Cdp)>();
    for (var i = 0; i < pages; i++)
    {
        open.Add(await OpenAsync());
    }

    await Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System, ct); // the replay, the first samples
    var before = open.Select(p => p.Frames.Snapshot()).ToList();
    var render0 = await RenderTimeAsync(open[0].Cdp);
    var (busy, browserBusy) = await MeasureAsync();
    var render1 = await RenderTimeAsync(open[0].Cdp);
    var received = open.Select((p, i) => p.Frames.Snapshot() - before[i]).ToList();
    foreach (var (context, _, _) in open)
    {
        await context.DisposeAsync();
    }

    var cost = (busy - idle) / pages;
    var browserCost = (browserBusy - browserIdle) / pages;
    costs.Add(cost);
    browserCosts.Add(browserCost);
    var messages = received.Average(r => r.Messages) / window.TotalSeconds;
    var kib = received.Average(r => r.Bytes) / window.TotalSeconds / 1024;
    Console.WriteLine($"run {run}: daemon {idle:0.000}% of one core with 0 pages, {busy:0.000}% with {pages} ({messages:0.00} messages/s, " +
        $"{kib:0.0} KiB/s each): {cost:0.0000}% per dashboard; the browser: {browserCost:0.00}% per page (the first page's " +
        $"script {Per(render1.Script - render0.Script)}, layout {Per(render1.Layout - render0.Layout)}, style {Per(render1.Style - render0.Style)} ms/s)");
}

Console.WriteLine($"one connected dashboard at {services} services (sample_interval {sampling}): median {Median(costs):0.0000}% of one core " +
    $"for the daemon, {Median(browserCosts):0.00}% for the browser");

// % of one core the daemon, and the browser (every process under this one), used over the window.
async Task<(double Daemon, double Browser)> MeasureAsync()
{
    var self = Environment.ProcessId;
    var clock = Stopwatch.StartNew();
    var (d0, b0) = (ProcCpu.Ticks(project.DaemonPid), ProcCpu.DescendantTicks(self));
    await Task.Delay(window, TimeProvider.System, ct);
    var (d1, b1) = (ProcCpu.Ticks(project.DaemonPid), ProcCpu.DescendantTicks(self));
    var seconds = clock.Elapsed.TotalSeconds * ProcCpu.TicksPerSecond / 100.0;
    return ((d1 - d0) / seconds, (b1 - b0) / seconds);
}

// A page on the dashboard, waited on until it is live with every row drawn; counts the WebSocket frames it gets.
async Task<(IBrowserContext, Counter, ICDPSession)> OpenAsync()
{
    var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
    var page = await context.NewPageAsync();
    var cdp = await context.NewCDPSessionAsync(page);
    await cdp.SendAsync("Performance.enable");
    var frames = new Counter();
    page.WebSocket += (_, ws) => ws.FrameReceived += (_, f) => frames.Add(f.Text is { } t ? System.Text.Encoding.UTF8.GetByteCount(t) : f.Binary?.Length ?? 0);
    await page.GotoAsync(project.Link);
    await page.WaitForFunctionAsync(
        "n => document.getElementById('conn').textContent === 'live' && document.querySelectorAll('#services tbody tr[data-service]').length === n",
        services, new() { Timeout = 60000 });
    return (context, frames, cdp);
}

// Where the page's time went (Chromium's Performance domain): seconds spent in script, layout and style.
static async Task<(double Script, double Layout, double Style)> RenderTimeAsync(ICDPSession cdp)
{
    var metrics = (await cdp.SendAsync("Performance.getMetrics"))!.Value.GetProperty("metrics").EnumerateArray()
        .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
    return (metrics["ScriptDuration"], metrics["LayoutDuration"], metrics["RecalcStyleDuration"]);
}

string Per(double seconds) => (seconds * 1000 / window.TotalSeconds).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

static double Median(List<double> xs)
{
    var sorted = xs.Order().ToList();
    return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
}

static string Arg(string name, string fallback)
{
    var args = Environment.GetCommandLineArgs();
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
