using Aurora.Core.Config;

namespace Aurora.Core.Tests.Config;

public class ConfigRendererTests
{
    private const string Full = """
        version: 1
        services:
          db:
            command: ["redis-server", "--port", "6390", "--requirepass", "hunter2-secret"]
            health: { tcp: "127.0.0.1:6390", interval: 1s }
          api:
            command: "python3 -m http.server 5001"
            cwd: ./api
            env: { PORT: "5001", API_KEY: "k-123456789", DATABASE_URL: "postgres://app:pw-in-url@db/app", NOTE: "uses k-123456789 inside" }
            ports: [5001]
            depends_on: { db: healthy }
            health: { http: "http://127.0.0.1:5001/", interval: 5s, timeout: 2s, retries: 3, start_period: 10s }
            restart: { policy: always, backoff: { initial: 250ms, max: 10s, multiplier: 3, reset_after: 1m }, limit: { count: 4, within: 2m } }
            stop: { signal: SIGINT, timeout: 3s }
            limits: { memory: 512MiB, cpu: 90%, for: 30s }
            logs: { max_size: 1MiB, keep: 2 }
            on_dependency_failure: keep
            install: ["pip", "install", "-r", "requirements.txt"]
            fixes:
              - cause: missing_dependency
                run: ["pip", "install", "-r", "requirements.txt"]
                touches: [requirements.txt]
                verify: ["python3", "-c", "import app"]
            umask: "027"
          job:
            command: "echo \"quoted\" && exit 0"
            shell: true
        healing: { enabled: false, verify_timeout: 20s, backups: { keep: 3, max_age: 2d } }
        monitor: { sample_interval: 2s, predict_horizon: 30m }
        maintenance: { temp: [{ path: ./tmp, older_than: 1d }] }
        dashboard: { listen: "127.0.0.1:7070", hosts: [aurora.test] }
        notify: [{ webhook: "http://127.0.0.1:9000/hook?token=webhook-tok-1", events: [incident.opened] }]
        store: { max_events: 5000, max_age: 7d }
        """;

    [Fact]
    public void Renders_yaml_that_loads_back_to_the_same_config()
    {
        using var project = new TempProject().WithDirectory("api").WithDirectory("tmp").WithFile("api/requirements.txt");
        var original = project.Load(Full.Replace("--requirepass", "--appendonly").Replace("k-123456789", "kv").Replace("pw-in-url", "pw"));
        Assert.NotNull(original.Config);

        var yaml = ConfigRenderer.Render(original.Config!, new Dictionary<string, string>());
        var reloaded = project.Load(yaml.Replace("\"***\"", "\"kv\""));

        Assert.True(reloaded.Config is not null, yaml + "\n" + string.Join("\n", reloaded.Diagnostics));
        var (a, b) = (original.Config!, reloaded.Config!);
        Assert.Equal(a.Healing, b.Healing);
        Assert.Equal(a.Monitor, b.Monitor);
        Assert.Equal(a.Dashboard, b.Dashboard);
        Assert.Equal(a.Store, b.Store);
        Assert.Equal(a.Maintenance.Temp, b.Maintenance.Temp);
        foreach (var (x, y) in a.Services.Zip(b.Services))
        {
            Assert.Equal(x.Name, y.Name);
            Assert.Equal(x.Command, y.Command);
            Assert.Equal(x.Shell, y.Shell);
            Assert.Equal(x.WorkingDirectory, y.WorkingDirectory);
            Assert.Equal(x.Ports, y.Ports);
            Assert.Equal(x.DependsOn, y.DependsOn);
            Assert.Equal(x.Health?.Target, y.Health?.Target);
            Assert.Equal(x.Health?.Interval, y.Health?.Interval);
            Assert.Equal(x.Health?.StartPeriod, y.Health?.StartPeriod);
            Assert.Equal(x.Restart, y.Restart);
            Assert.Equal(x.Stop, y.Stop);
            Assert.Equal(x.Limits, y.Limits);
            Assert.Equal(x.Logs, y.Logs);
            Assert.Equal(x.OnDependencyFailure, y.OnDependencyFailure);
            Assert.Equal(x.Install, y.Install);
            Assert.Equal(x.Umask, y.Umask);
            Assert.Equal(x.Fixes.Select(f => (f.Cause, string.Join(' ', f.Run), string.Join(' ', f.Verify))), y.Fixes.Select(f => (f.Cause, string.Join(' ', f.Run), string.Join(' ', f.Verify))));
        }
    }

    [Fact]
    public void Masks_every_secret_wherever_it_appears()
    {
        using var project = new TempProject().WithDirectory("api").WithDirectory("tmp").WithFile("api/requirements.txt");
        var config = project.Load(Full).Config!;

        var yaml = ConfigRenderer.Render(config, new Dictionary<string, string> { ["GITHUB_TOKEN"] = "ghp-inherited-1", ["HOME"] = "/root" });

        Assert.Contains("API_KEY: \"***\"", yaml);
        Assert.Contains("DATABASE_URL: \"postgres://app:***@db/app\"", yaml);
        Assert.Contains("NOTE: \"uses *** inside\"", yaml);
        Assert.Contains("\"--requirepass\", \"***\"", yaml);
        Assert.Contains("token=***", yaml);
        Assert.Contains("PORT: \"5001\"", yaml);
        foreach (var secret in new[] { "k-123456789", "pw-in-url", "hunter2-secret", "webhook-tok-1" })
        {
            Assert.DoesNotContain(secret, yaml);
        }
    }
}
