using Aurora.Core.Config;

namespace Aurora.Core.Tests.Config;

public sealed class SpecExampleTests : IDisposable
{
    // SPEC §3, verbatim.
    public const string Example = """
        version: 1
        services:
          db:
            command: ["redis-server", "--port", "6390"]      # argv; a plain string is split like a shell would, but never run by one
            health: { tcp: "127.0.0.1:6390", interval: 1s }
          api:
            command: "python3 -m http.server 5001"
            cwd: ./api
            env: { PORT: "5001" }
            env_file: .env                  # optional
            ports: [5001]                   # the ports it binds: used for conflict diagnosis and checks
            depends_on:
              db: healthy                   # started | healthy | completed
            health:
              http: http://127.0.0.1:5001/  # or tcp: HOST:PORT, or exec: [argv] (exit 0 = healthy)
              interval: 5s
              timeout: 2s
              retries: 3                    # consecutive failures before unhealthy
              start_period: 10s             # failures during it don't count
            restart:
              policy: on-failure            # always | on-failure | never
              backoff: { initial: 500ms, max: 30s, multiplier: 2, reset_after: 60s }
              limit: { count: 5, within: 60s }   # more exits than this → state failed (quarantined), alert
            stop: { signal: SIGTERM, timeout: 10s }   # then SIGKILL to the whole process group
            limits:
              memory: 512MiB                # of the whole process tree, sustained for `for` → restart
              cpu: 90%                      # of one core
              for: 30s
              on_cpu: warn                  # warn | restart
              pids: 256                     # most processes in the tree
            umask: "022"                    # default: the umask of whoever ran `aurora up`
            logs: { max_size: 10MiB, keep: 5 }
            on_dependency_failure: stop     # stop | keep | restart  (graceful degradation)
            install: ["npm", "ci"]          # how to (re)install its dependencies: used by fixes and `doctor`
            fixes:                          # user-defined remediations, tried before the built-in ones
              - cause: missing_dependency
                run: ["pip", "install", "-r", "requirements.txt"]
                touches: [requirements.txt, .venv]
                verify: ["python3", "-c", "import app"]
        healing: { enabled: true, verify_timeout: 30s, backups: { keep: 20, max_age: 7d } }
        monitor: { sample_interval: 1s, predict_horizon: 15m }
        maintenance:
          temp: [{ path: ./tmp, older_than: 1d }]
          disk: { path: ., min_free: 1GiB }
        dashboard: { listen: "127.0.0.1:7070" }           # off when absent; loopback unless allow_remote: true
        metrics: { public: false }                        # true: /metrics without token on a loopback dashboard listener
        notify: [{ webhook: "http://127.0.0.1:9000/hook", events: [incident.opened, fix.rolled_back, prediction] }]
        """;

    private readonly TempProject _project = new TempProject().WithDirectory("api").WithFile(".env", "SECRET_KEY=abc\nPORT=9999\n");

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Spec_example_loads_without_an_error_or_a_warning()
    {
        var result = _project.Load(Example);

        Assert.True(result.Ok);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Spec_example_maps_every_section()
    {
        var config = _project.Load(Example).Config!;

        Assert.Equal(["db", "api"], config.Services.Select(s => s.Name));
        var api = config.Find("api")!;
        Assert.Equal(["python3", "-m", "http.server", "5001"], api.Command);
        Assert.Equal(Path.Combine(_project.Directory, "api"), api.WorkingDirectory);
        Assert.Equal(Path.Combine(_project.Directory, ".env"), api.EnvFile);
        Assert.Equal("5001", api.Environment["PORT"]);
        Assert.Equal("abc", api.Environment["SECRET_KEY"]);
        Assert.Equal([5001], api.Ports);
        Assert.Equal([new Dependency("db", DependencyCondition.Healthy)], api.DependsOn);
        Assert.Equal(new HealthCheckConfig(HealthCheckKind.Http, "http://127.0.0.1:5001/", [], TimeSpan.FromSeconds(5),
            TimeSpan.FromSeconds(2), 3, TimeSpan.FromSeconds(10)), api.Health! with { ExecArgv = [] });
        Assert.Equal(RestartConfig.Default, api.Restart);
        Assert.Equal(StopConfig.Default, api.Stop);
        Assert.Equal(new ResourceLimits(512L * 1024 * 1024, 90, TimeSpan.FromSeconds(30), CpuAction.Warn, 256), api.Limits);
        Assert.Equal(0b000_010_010, api.Umask);
        Assert.Equal(LogConfig.Default, api.Logs);
        Assert.Equal(["npm", "ci"], api.Install);
        var fix = Assert.Single(api.Fixes);
        Assert.Equal("missing_dependency", fix.Cause);
        Assert.Equal(["pip", "install", "-r", "requirements.txt"], fix.Run);
        Assert.Equal(["requirements.txt", ".venv"], fix.Touches);
        Assert.Equal(["python3", "-c", "import app"], fix.Verify);

        var db = config.Find("db")!;
        Assert.Equal(HealthCheckKind.Tcp, db.Health!.Kind);
        Assert.Equal("127.0.0.1:6390", db.Health.Target);
        Assert.Equal(TimeSpan.FromSeconds(1), db.Health.Interval);

        Assert.Equal(HealingConfig.Default, config.Healing);
        Assert.Equal(MonitorConfig.Default, config.Monitor);
        Assert.Equal(Path.Combine(_project.Directory, "tmp"), Assert.Single(config.Maintenance.Temp).Path);
        Assert.Equal(new DiskRule(_project.Directory, 1L << 30), config.Maintenance.Disk);
        Assert.Equal(new DashboardConfig("127.0.0.1", 7070, false, []), config.Dashboard);
        Assert.Equal(MetricsConfig.Default, config.Metrics);
        var notify = Assert.Single(config.Notify);
        Assert.Equal(["incident.opened", "fix.rolled_back", "prediction"], notify.Events);
        Assert.Equal(StoreConfig.Default, config.Store);
    }
}
