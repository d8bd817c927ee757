using Aurora.Core.Config;

namespace Aurora.Core.Tests.Config;

public sealed class DefaultsTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Smallest_valid_service_gets_every_default()
    {
        var result = _project.Load("""
            services:
              api: { command: "python3 -m http.server" }
            """);

        Assert.Empty(result.Diagnostics);
        var api = Assert.Single(result.Config!.Services);
        Assert.Equal("api", api.Name);
        Assert.Equal(["python3", "-m", "http.server"], api.Command);
        Assert.False(api.Shell);
        Assert.Equal(_project.Directory, api.WorkingDirectory);
        Assert.Empty(api.Environment);
        Assert.Null(api.EnvFile);
        Assert.Empty(api.Ports);
        Assert.Empty(api.DependsOn);
        Assert.Null(api.Health);
        Assert.Equal(RestartConfig.Default, api.Restart);
        Assert.Equal(StopConfig.Default, api.Stop);
        Assert.Equal(ResourceLimits.None, api.Limits);
        Assert.Equal(LogConfig.Default, api.Logs);
        Assert.Equal(DependencyFailureAction.Stop, api.OnDependencyFailure);
        Assert.Empty(api.Install);
        Assert.Empty(api.Fixes);
        Assert.Null(api.Umask);
    }

    [Fact]
    public void Top_level_sections_default_when_absent()
    {
        var config = _project.Load("""
            services:
              api: { command: python3 app.py }
            """).Config!;

        Assert.Equal(_project.ConfigPath, config.FilePath);
        Assert.Equal(_project.Directory, config.ProjectDirectory);
        Assert.Equal(HealingConfig.Default, config.Healing);
        Assert.Equal(new BackupRetention(20, TimeSpan.FromDays(7)), config.Healing.Backups);
        Assert.Equal(MonitorConfig.Default, config.Monitor);
        Assert.Equal(MaintenanceConfig.Default.Disk, config.Maintenance.Disk);
        Assert.Empty(config.Maintenance.Temp);
        Assert.Null(config.Dashboard);
        Assert.Empty(config.Notify);
        Assert.Equal(StoreConfig.Default, config.Store);
    }

    [Fact]
    public void Health_check_defaults_fill_in_unset_timings()
    {
        var health = _project.Load("""
            services:
              api: { command: python3, health: { exec: "curl -f http://127.0.0.1/" } }
            """).Config!.Services[0].Health!;

        Assert.Equal(HealthCheckKind.Exec, health.Kind);
        Assert.Equal(["curl", "-f", "http://127.0.0.1/"], health.ExecArgv);
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), 3, TimeSpan.Zero),
            (health.Interval, health.Timeout, health.Retries, health.StartPeriod));
    }

    [Fact]
    public void Partly_set_sections_keep_defaults_for_the_rest()
    {
        var api = _project.Load("""
            services:
              api:
                command: python3
                restart: { policy: always, backoff: { max: 1m } }
                stop: { signal: INT }
                limits: { cpu: 150 }
                logs: { keep: 0 }
            """).Config!.Services[0];

        Assert.Equal(RestartConfig.Default with
        {
            Policy = RestartPolicyKind.Always,
            Backoff = BackoffOptions.Default with { Max = TimeSpan.FromMinutes(1) },
        }, api.Restart);
        Assert.Equal(new StopConfig(2, "SIGINT", TimeSpan.FromSeconds(10)), api.Stop);
        Assert.Equal(ResourceLimits.None with { CpuPercent = 150 }, api.Limits);
        Assert.Equal(LogConfig.Default with { Keep = 0 }, api.Logs);
    }

    [Fact]
    public void Services_keep_the_order_of_the_file()
    {
        var config = _project.Load("""
            services:
              zeta: { command: python3 }
              alpha: { command: python3 }
              mid: { command: python3 }
            """).Config!;

        Assert.Equal(["zeta", "alpha", "mid"], config.Services.Select(s => s.Name));
    }

    [Fact]
    public void Top_level_sections_are_read()
    {
        var config = _project.Load("""
            services:
              api: { command: python3 }
            healing: { enabled: false, verify_timeout: 1.5s, backups: { keep: 3, max_age: 2d } }
            monitor: { sample_interval: 250ms, predict_horizon: 1h }
            dashboard: { listen: "0.0.0.0:8080", allow_remote: true }
            notify: [{ webhook: "https://example.org/hook", events: ["fix.*"] }, { webhook: "http://127.0.0.1/" }]
            store: { max_events: 5000, max_age: 7d }
            """).Config!;

        Assert.Equal(new HealingConfig(false, TimeSpan.FromMilliseconds(1500)) { Backups = new BackupRetention(3, TimeSpan.FromDays(2)) }, config.Healing);
        Assert.Equal(new MonitorConfig(TimeSpan.FromMilliseconds(250), TimeSpan.FromHours(1)), config.Monitor);
        Assert.Equal(new DashboardConfig("0.0.0.0", 8080, true, []), config.Dashboard);
        Assert.Equal(["fix.started", "fix.verified", "fix.rolled_back", "fix.skipped"], config.Notify[0].Events);
        Assert.Contains("service.exited", config.Notify[1].Events);
        Assert.Equal(new StoreConfig(5000, TimeSpan.FromDays(7)), config.Store);
    }

    /// Every event a webhook can be sent is a type `notify.events` accepts, the later ones included.
    [Fact]
    public void A_webhook_can_subscribe_to_adoption_insight_prediction_and_schedule_events()
    {
        var result = _project.Load("""
            services:
              api: { command: python3 }
            notify: [{ webhook: "http://127.0.0.1/", events: [service.adopted, insight.applied, insight.rolled_back, prediction.resolved, service.scheduled, watch.failed] }]
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(6, result.Config!.Notify[0].Events.Length);
    }
}
