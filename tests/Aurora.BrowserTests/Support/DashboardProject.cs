using System.Net.Http.Headers;
using System.Text.Json;
using Aurora.Tests;

namespace Aurora.BrowserTests.Support;

/// A throwaway project with a dashboard on a free loopback port, served by a real `aurora up -d` daemon:
/// `web` is python3's http.server with an http health check every 500 ms, `worker` prints a line a second.
internal sealed class DashboardProject : IAsyncDisposable
{
    private DashboardProject(string dir, int port)
    {
        Dir = dir;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public string Dir { get; }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}/";

    public string Token => File.ReadAllText(Path.Combine(Dir, ".aurora", "token")).Trim();

    /// The link `aurora dashboard` prints.
    public string Link { get; private set; } = "";

    /// A client of the TCP API; it carries the token once the daemon has made one.
    public HttpClient Http { get; }

    /// `moreServices`: YAML lines added under `services:` (indented by two spaces); `files`: written into the
    /// project directory first (scripts those services run).
    public static async Task<DashboardProject> StartAsync(CancellationToken ct, string moreServices = "",
        IReadOnlyDictionary<string, string>? files = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "aurb-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        foreach (var (name, text) in files ?? new Dictionary<string, string>())
        {
            await File.WriteAllTextAsync(Path.Combine(dir, name), text, ct);
        }

        var project = new DashboardProject(dir, FreePort.Next());
        var web = FreePort.Next();
        await File.WriteAllTextAsync(Path.Combine(dir, "aurora.yaml"), $$"""
            version: 1
            services:
              web:
                command: ["python3", "-m", "http.server", "{{web}}", "--bind", "127.0.0.1"]
                health: { http: "http://127.0.0.1:{{web}}/", interval: 500ms }
                restart: { policy: always, backoff: { initial: 200ms } }
              worker:
                command: ["sh", "-c", "i=0; while true; do i=$((i+1)); echo \"worker tick $$i\"; sleep 1; done"]
            {{moreServices}}
            dashboard: { listen: "127.0.0.1:{{project.Port}}" }
            """, ct);
        try
        {
            await project.UpAsync(ct);
            return project;
        }
        catch
        {
            await project.DisposeAsync();
            throw;
        }
    }

    public async Task UpAsync(CancellationToken ct)
    {
        var (code, output) = await AuroraCli.RunAsync(Dir, ct, "up", "-d");
        if (code != 0)
        {
            var daemonLog = Path.Combine(Dir, ".aurora", "daemon.log");
            throw new InvalidOperationException($"aurora up -d exited {code}:\n{output}\n{(File.Exists(daemonLog) ? File.ReadAllText(daemonLog) : "")}");
        }

        var (_, link) = await AuroraCli.RunAsync(Dir, ct, "dashboard");
        Link = link.Trim();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public async Task DownAsync(CancellationToken ct) => await AuroraCli.RunAsync(Dir, ct, "down");

    /// The service's row from GET /api/v1/services, over TCP with the token.
    public async Task<JsonElement> ServiceAsync(string name, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(await Http.GetStringAsync("/api/v1/services", ct));
        return doc.RootElement.GetProperty("services").EnumerateArray().First(s => s.GetProperty("name").GetString() == name).Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await DownAsync(CancellationToken.None);
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
