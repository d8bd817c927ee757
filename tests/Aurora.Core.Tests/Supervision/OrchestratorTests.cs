using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Supervision;

namespace Aurora.Core.Tests.Supervision;

public class OrchestratorTests
{
    private static AuroraConfig Config(params ServiceConfig[] services) =>
        new("/tmp/aurora.yaml", "/tmp", [.. services], HealingConfig.Default, MonitorConfig.Default, MaintenanceConfig.Default,
            null, [], StoreConfig.Default);

    [Fact]
    public async Task Dependent_waits_pending_until_its_dependency_is_healthy()
    {
        await using var h = new Harness();
        var db = TestConfigs.Service("db", health: TestConfigs.Http());
        var api = TestConfigs.Service("api", dependsOn: [new Dependency("db", DependencyCondition.Healthy)]);
        await using var orchestrator = new Orchestrator(Config(api, db), h.Context, _ => h.Output);
        await orchestrator.StartAllAsync().DefaultTimeout();

        var pending = await h.WaitForState("api", ServiceState.Pending).DefaultTimeout();
        Assert.Equal("waiting for db: healthy", pending.Reason);
        await h.WaitFor("db", s => s.Pid is not null).DefaultTimeout();
        Assert.Equal(0, h.Launcher.Count("api"));

        var apiRunning = h.WaitForState("api", ServiceState.Running);
        h.Health.Report("db", true);
        await apiRunning.DefaultTimeout();

        var events = h.Store.ReadAfter(0, 1000);
        var dbHealthy = events.First(e => e.Service == "db" && e.Type == EventTypes.ServiceHealthy).Seq;
        var apiStarting = events.First(e => e.Service == "api" && e.Type == EventTypes.ServiceStarting).Seq;
        Assert.True(apiStarting > dbHealthy);
        Assert.Equal(["db", "api"], orchestrator.Graph.StartOrder);
    }

    [Fact]
    public async Task Dependent_is_held_degraded_while_dependency_is_down_and_comes_back_without_burning_restarts()
    {
        await using var h = new Harness();
        var db = TestConfigs.Service("db");
        var api = TestConfigs.Service("api", dependsOn: [new Dependency("db", DependencyCondition.Started)]);
        await using var orchestrator = new Orchestrator(Config(db, api), h.Context, _ => h.Output);
        await orchestrator.StartAllAsync().DefaultTimeout();
        await h.WaitForState("api", ServiceState.Running).DefaultTimeout();
        var firstApi = h.Launcher.Last("api");

        var degraded = h.WaitForState("api", ServiceState.Degraded);
        await orchestrator.Find("db")!.StopAsync().DefaultTimeout();
        var held = await degraded.DefaultTimeout();
        Assert.Equal("waiting for db: started", held.Reason);
        Assert.Equal(Causes.DependencyUnavailable, held.LastCause);
        Assert.Contains(Aurora.Core.Processes.Signals.SIGTERM, firstApi.SignalsReceived);

        h.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, h.Launcher.Count("api"));

        var back = h.WaitFor("api", s => s.State == ServiceState.Running && s.Pid is not null);
        await orchestrator.Find("db")!.StartAsync().DefaultTimeout();
        var recovered = await back.DefaultTimeout();
        Assert.Equal(0, recovered.Restarts);
        Assert.Equal(2, h.Launcher.Count("api"));
    }

    [Fact]
    public async Task Crash_while_dependency_is_down_is_dependency_unavailable_not_a_restart()
    {
        await using var h = new Harness();
        var db = TestConfigs.Service("db");
        var api = TestConfigs.Service("api", dependsOn: [new Dependency("db", DependencyCondition.Started)],
            onDependencyFailure: DependencyFailureAction.Keep);
        await using var orchestrator = new Orchestrator(Config(db, api), h.Context, _ => h.Output);
        await orchestrator.StartAllAsync().DefaultTimeout();
        await h.WaitForState("api", ServiceState.Running).DefaultTimeout();

        var degraded = h.WaitForState("api", ServiceState.Degraded);
        await orchestrator.Find("db")!.StopAsync().DefaultTimeout();
        var kept = await degraded.DefaultTimeout();
        Assert.NotNull(kept.Pid);

        var exited = h.WaitFor("api", s => s.Pid is null);
        h.Launcher.Last("api").Exit(1);
        var held = await exited.DefaultTimeout();
        await h.WaitFor("api", s => s.State == ServiceState.Degraded && s.Pid is null).DefaultTimeout();
        h.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, h.Launcher.Count("api"));
        Assert.Equal(0, orchestrator.Find("api")!.Snapshot.Restarts);
        Assert.Equal(Causes.DependencyUnavailable, orchestrator.Find("api")!.Snapshot.LastCause);
        Assert.NotNull(held.LastExit);
    }

    [Fact]
    public async Task Restart_policy_dependent_is_restarted_once_its_dependency_is_back()
    {
        await using var h = new Harness();
        var db = TestConfigs.Service("db");
        var api = TestConfigs.Service("api", dependsOn: [new Dependency("db", DependencyCondition.Started)],
            onDependencyFailure: DependencyFailureAction.Restart);
        await using var orchestrator = new Orchestrator(Config(db, api), h.Context, _ => h.Output);
        await orchestrator.StartAllAsync().DefaultTimeout();
        await h.WaitForState("api", ServiceState.Running).DefaultTimeout();
        var firstApi = h.Launcher.Last("api");

        var again = h.WaitFor("api", s => s.State == ServiceState.Running && s.Pid != firstApi.Pid);
        await orchestrator.Find("db")!.RestartAsync().DefaultTimeout();
        await again.DefaultTimeout();
        Assert.Equal(2, h.Launcher.Count("api"));
        Assert.Contains(Aurora.Core.Processes.Signals.SIGTERM, firstApi.SignalsReceived);
    }

    [Fact]
    public async Task Completed_condition_waits_for_a_one_shot_to_exit_zero()
    {
        await using var h = new Harness();
        var migrate = TestConfigs.Service("migrate");
        var api = TestConfigs.Service("api", dependsOn: [new Dependency("migrate", DependencyCondition.Completed)]);
        await using var orchestrator = new Orchestrator(Config(migrate, api), h.Context, _ => h.Output);
        await orchestrator.StartAllAsync().DefaultTimeout();
        await h.WaitFor("migrate", s => s.Pid is not null).DefaultTimeout();
        Assert.Equal(ServiceState.Pending, orchestrator.Find("api")!.Snapshot.State);

        var running = h.WaitForState("api", ServiceState.Running);
        h.Launcher.Last("migrate").Exit(0);
        await running.DefaultTimeout();
    }

    [Fact]
    public async Task Stop_all_stops_dependents_before_their_dependencies()
    {
        await using var h = new Harness();
        var db = TestConfigs.Service("db");
        var api = TestConfigs.Service("api", dependsOn: [new Dependency("db", DependencyCondition.Started)]);
        var web = TestConfigs.Service("web", dependsOn: [new Dependency("api", DependencyCondition.Started)]);
        await using var orchestrator = new Orchestrator(Config(web, db, api), h.Context, _ => h.Output);
        await orchestrator.StartAllAsync().DefaultTimeout();
        await h.WaitForState("web", ServiceState.Running).DefaultTimeout();

        await orchestrator.StopAllAsync().DefaultTimeout();
        var stops = h.Store.ReadAfter(0, 1000).Where(e => e.Type == EventTypes.ServiceStopping).Select(e => e.Service).ToList();
        Assert.Equal(["web", "api", "db"], stops);
        Assert.All(orchestrator.Services, s => Assert.Equal(ServiceState.Stopped, s.Snapshot.State));
    }

    [Fact]
    public async Task Started_condition_waits_for_the_spawned_process_not_the_starting_state_regression()
    {
        await using var h = new Harness();
        var api = TestConfigs.Service("api");
        var web = TestConfigs.Service("web", dependsOn: [new Dependency("api", DependencyCondition.Started)]);
        await using var orchestrator = new Orchestrator(Config(api, web), h.Context, _ => h.Output);
        await orchestrator.StartAllAsync().DefaultTimeout();
        await h.WaitForState("web", ServiceState.Running).DefaultTimeout();

        var events = h.Store.ReadAfter(0, 1000);
        var apiStarted = events.First(e => e.Service == "api" && e.Type == EventTypes.ServiceStarted).Seq;
        var webStarting = events.First(e => e.Service == "web" && e.Type == EventTypes.ServiceStarting).Seq;
        Assert.True(webStarting > apiStarted, "web was launched before api had a process");
    }

    /// `aurora down` at scale: the 49 services that depend on db all stop together, inside one grace period (their
    /// stop signals ignored, so each waits out its grace on the clock), and db only after the last of them. Stops
    /// done one at a time would have had one service waiting out its grace and the others not yet signalled.
    [Fact]
    public async Task Stop_all_stops_a_layer_in_parallel_within_one_grace_each_layer_after_its_dependents()
    {
        await using var h = new Harness();
        h.Launcher.IgnoreStopSignal = true;
        var grace = TimeSpan.FromSeconds(2);
        var db = TestConfigs.Service("db") with { Stop = StopConfig.Default with { Timeout = grace } };
        var webs = Enumerable.Range(1, 49).Select(i => TestConfigs.Service($"web-{i}",
            dependsOn: [new Dependency("db", DependencyCondition.Started)]) with
        { Stop = db.Stop }).ToArray();
        await using var orchestrator = new Orchestrator(Config([db, .. webs]), h.Context, _ => h.Output);
        await orchestrator.StartAllAsync().DefaultTimeout();
        await Task.WhenAll(webs.Select(w => h.WaitForState(w.Name, ServiceState.Running))).DefaultTimeout();

        var stopping = orchestrator.StopAllAsync();
        await Task.WhenAll(webs.Select(w => h.Launcher.Last(w.Name).GraceStarted)).DefaultTimeout();
        Assert.Empty(h.Launcher.Last("db").SignalsReceived);

        h.Time.Advance(grace);
        await h.Launcher.Last("db").GraceStarted.DefaultTimeout();
        h.Time.Advance(grace);
        await stopping.DefaultTimeout();

        var events = h.Store.ReadAfter(0, 100_000);
        var dbStopping = events.Single(e => e.Service == "db" && e.Type == EventTypes.ServiceStopping).Seq;
        var websStopped = events.Where(e => e.Service != "db" && e.Type == EventTypes.ServiceStopped).Select(e => e.Seq).ToList();
        Assert.Equal(49, websStopped.Count);
        Assert.All(websStopped, seq => Assert.True(seq < dbStopping, "db began stopping before a dependent had stopped"));
        Assert.All(orchestrator.Services, s => Assert.Equal(ServiceState.Stopped, s.Snapshot.State));
        Assert.All(orchestrator.Services, s => Assert.Equal(
            [Aurora.Core.Processes.Signals.SIGTERM, Aurora.Core.Processes.Signals.SIGKILL], h.Launcher.Last(s.Name).SignalsReceived));
    }
}
