using System.Globalization;
using System.Text.Json;
using Aurora.BrowserTests.Support;
using Aurora.Tests;

namespace Aurora.Bench.Dashboard;

/// A throwaway project of `services` sleeping services with a dashboard listener, run by `aurora up -d`.
internal sealed class BenchProject : IAsyncDisposable
{
    private readonly string _aurora;
    private readonly HttpClient _http;

    private BenchProject(string aurora, string dir, int port)
    {
        _aurora = aurora;
        Dir = dir;
        Port = port;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public string Dir { get; }

    public int Port { get; }

    public int DaemonPid { get; private set; }

    /// The link `aurora dashboard` prints: the page reads the token from the fragment.
    public string Link => $"http://127.0.0.1:{Port}/#token={Uri.EscapeDataString(Token)}";

    private string Token => File.ReadAllText(Path.Combine(Dir, ".aurora", "token")).Trim();

    public static async Task<BenchProject> StartAsync(string aurora, int services, string sampling, CancellationToken ct)
    {
        var dir = Path.Combine(Path.GetTempPath(), "aurora-dashboard-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var project = new BenchProject(aurora, dir, FreePort.Next());
        var yaml = new List<string> { "version: 1", "services:" };
        for (var i = 1; i <= services; i++)
        {
            yaml.Add($"  svc-{i}:");
            yaml.Add("    command: [\"sleep\", \"1000000\"]");
        }

        yaml.Add($"monitor: {{ sample_interval: {sampling} }}");
        yaml.Add($"dashboard: {{ listen: \"127.0.0.1:{project.Port}\" }}");
        await File.WriteAllLinesAsync(Path.Combine(dir, "aurora.yaml"), yaml, ct);
        var (code, output) = await project.RunAsync(ct, "up", "-d");
        if (code != 0)
        {
            throw new InvalidOperationException($"aurora up -d exited {code}: {output}");
        }

        project.DaemonPid = int.Parse((await File.ReadAllTextAsync(Path.Combine(dir, ".aurora", "daemon.pid"), ct)).Trim(), CultureInfo.InvariantCulture);
        project._http.DefaultRequestHeaders.Authorization = new("Bearer", project.Token);
        return project;
    }

    /// Waits until every service runs (a bench may ask again: there is no event to wait on from out here).
    public async Task WaitAllRunningAsync(int services, CancellationToken ct)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (true)
        {
            using var doc = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/services", ct));
            var running = doc.RootElement.GetProperty("services").EnumerateArray().Count(s => s.GetProperty("state").GetString() == "running");
            if (running == services)
            {
                return;
            }

            if (TimeProvider.System.GetElapsedTime(deadline) > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"only {running} of {services} services run after 3 minutes");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, ct);
        }
    }

    private async Task<(int Code, string Output)> RunAsync(CancellationToken ct, params string[] args)
    {
        var log = Path.Combine(Dir, $"cli-{Guid.NewGuid():N}.log");
        string[] argv = ["/bin/sh", "-c", "cd \"$1\" || exit 99; log=$2; shift 2; exec \"$@\" >\"$log\" 2>&1", "sh", Dir, log, _aurora, .. args];
        var code = await Native.RunAsync(argv, ct);
        var output = File.Exists(log) ? await File.ReadAllTextAsync(log, ct) : "";
        File.Delete(log);
        return (code, output);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await RunAsync(CancellationToken.None, "down");
        Directory.Delete(Dir, recursive: true);
    }
}
