using Aurora.Core.Config;
using Aurora.Core.Reload;

namespace Aurora.Core.Tests.Config;

/// SPEC §3 ready, success_exit_codes, replicas and profiles: read, expanded and validated with positions.
public sealed class ConfigPowerTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    private AuroraConfig Config(string yaml, params string[] profiles)
    {
        var result = _project.Load(yaml, profiles);
        Assert.True(result.Config is not null, string.Join("\n", result.Diagnostics));
        return result.Config!;
    }

    [Fact]
    public void Ready_by_log_line_or_by_notify_with_a_watchdog()
    {
        var config = Config("""
            services:
              api: { command: python3 app.py, ready: { log: "listening on \\d+", timeout: 10s } }
              worker: { command: python3 worker.py, ready: { notify: true, watchdog: 2s } }
            """);

        Assert.Equal(new ReadinessConfig("listening on \\d+", false, null, TimeSpan.FromSeconds(10)), config.Find("api")!.Ready);
        Assert.Equal(new ReadinessConfig(null, true, TimeSpan.FromSeconds(2), ReadinessConfig.DefaultTimeout), config.Find("worker")!.Ready);
    }

    [Fact]
    public void Ready_problems_are_positioned()
    {
        var problems = _project.Problems("""
            services:
              a: { command: python3, ready: { log: "(unclosed", timeout: 1s } }
              b: { command: python3, ready: { log: "up", notify: true } }
              c: { command: python3, ready: { watchdog: 2s, log: "x" } }
              d: { command: python3, ready: { timeout: 5s } }
            """);

        Assert.Equal(4, problems.Length);
        Assert.StartsWith("aurora.yaml:2:40: services.a.ready.log: \"(unclosed\" is not a regular expression:", problems[0]);
        Assert.Equal("aurora.yaml:3:54: services.b.ready.notify: give either log: (a line of output) or notify: true (READY=1 on NOTIFY_SOCKET), not both", problems[1]);
        Assert.Equal("aurora.yaml:4:45: services.c.ready.watchdog: needs notify: true (the service pings WATCHDOG=1 on NOTIFY_SOCKET)", problems[2]);
        Assert.Equal("aurora.yaml:5:33: services.d.ready: says nothing about readiness; use ready: { log: \"listening on\" } or ready: { notify: true }", problems[3]);
    }

    [Fact]
    public void Depending_on_ready_needs_a_ready_check()
    {
        var problems = _project.Problems("""
            services:
              db: { command: python3 db.py }
              api: { command: python3 app.py, depends_on: { db: ready } }
            """);

        Assert.Equal(["aurora.yaml:3:49: services.api.depends_on.db: \"db\" has no ready: check, so it can never become ready; add ready: { log: \"...\" } to \"db\" or use started"], problems);
    }

    [Fact]
    public void Success_exit_codes_are_listed_codes_from_0_to_255()
    {
        Assert.Equal([0, 3], Config("services: { job: { command: python3, success_exit_codes: [0, 3] } }").Find("job")!.SuccessExitCodes);
        Assert.Equal([0], Config("services: { job: { command: python3 } }").Find("job")!.SuccessExitCodes);

        var problems = _project.Problems("services: { job: { command: python3, success_exit_codes: [0, 300] } }");
        Assert.Single(problems);
        Assert.Contains("services.job.success_exit_codes[1]", problems[0]);
    }

    [Fact]
    public void Replicas_run_as_named_instances_with_their_own_ports_env_and_checks()
    {
        var config = Config("""
            services:
              web:
                command: ["python3", "-m", "http.server", "80{replica}"]
                env: { PORT: "80{replica}" }
                ports: ["80{replica}"]
                health: { http: "http://127.0.0.1:80{replica}/" }
                replicas: 3
              proxy:
                command: python3 proxy.py
                depends_on: { web: healthy }
            """);

        Assert.Equal(["web-1", "web-2", "web-3", "proxy"], config.Services.Select(s => s.Name));
        var web2 = config.Find("web-2")!;
        Assert.Equal("web", web2.ReplicaOf);
        Assert.Equal(2, web2.ReplicaIndex);
        Assert.Equal(["python3", "-m", "http.server", "802"], web2.Command);
        Assert.Equal("802", web2.Environment["PORT"]);
        Assert.Equal("2", web2.Environment["AURORA_REPLICA"]);
        Assert.Equal([802], web2.Ports);
        Assert.Equal("http://127.0.0.1:802/", web2.Health!.Target);
        Assert.Equal(["web-1", "web-2", "web-3"], config.Find("proxy")!.DependsOn.Select(d => d.Service));
        Assert.Equal(["web", "proxy"], config.Declared.Select(s => s.Name));
    }

    [Fact]
    public void Replica_problems_are_caught()
    {
        var problems = _project.Problems("""
            services:
              web: { command: python3, ports: ["80{replica}"], replicas: 3 }
              cache: { command: python3, ports: [802] }
              api: { command: python3, ports: ["80{replica}"] }
              web-2: { command: python3 }
              job: { command: python3, replicas: 0 }
            """);

        Assert.Contains(problems, p => p.StartsWith("aurora.yaml:2:36: services.web.ports[0]: \"80{replica}\" makes port 802 for web-2, which cache also uses", StringComparison.Ordinal));
        Assert.Contains("aurora.yaml:4:36: services.api.ports[0]: \"80{replica}\" uses {replica}, which needs replicas: on the service", problems);
        Assert.Contains("aurora.yaml:5:3: services.web-2: is also the name of a replica of \"web\"; rename one of them", problems);
        Assert.Contains(problems, p => p.StartsWith("aurora.yaml:6:38: services.job.replicas:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_service_of_the_stack_cannot_depend_on_one_no_active_profile_starts()
    {
        const string yaml = """
            services:
              debugger: { command: python3 debug.py, profiles: [debug] }
              api: { command: python3 app.py, depends_on: [debugger] }
            """;

        Assert.Equal(
            ["aurora.yaml:3:48: services.api.depends_on[0]: \"debugger\" starts only with profile debug, which is not active, so api would wait for it forever; activate it (up --profile debug) or give api the same profile"],
            _project.Problems(yaml));
        var config = Config(yaml, "debug");
        Assert.Equal(["debug"], config.ActiveProfiles);
        Assert.True(config.StartsWithStack(config.Find("debugger")!));
        Assert.False(Config("services: { tool: { command: python3, profiles: [ops] } }").StartsWithStack(config.Find("debugger")!));
    }

    [Fact]
    public void Reload_of_a_replica_count_adds_instances_and_a_success_code_change_applies_in_place()
    {
        var before = Config("services: { web: { command: python3, replicas: 2, success_exit_codes: [0] } }");
        var after = Config("services: { web: { command: python3, replicas: 3, success_exit_codes: [0, 3] } }");

        var plan = ReloadPlanner.Plan(before, after);

        Assert.Equal(["web-3"], plan.Added);
        Assert.Equal(["web-1", "web-2"], plan.Updated.Select(c => c.Service));
        Assert.All(plan.Updated, c => Assert.Equal(["success_exit_codes"], c.Fields));
    }

    [Fact]
    public void The_demo_stack_validates_with_its_readiness_and_replicas()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "examples", "demo", "aurora.yaml")))
        {
            dir = dir.Parent;
        }

        var result = ConfigLoader.Load(Path.Combine(dir!.FullName, "examples", "demo", "aurora.yaml"), _ => true);

        Assert.True(result.Config is not null, string.Join("\n", result.Diagnostics));
        Assert.Equal(["chat-1", "chat-2"], result.Config!.InstancesOf("chat").Select(s => s.Name));
        Assert.Equal("chat listening on", result.Config.Find("chat-2")!.Ready!.LogPattern);
    }
}
