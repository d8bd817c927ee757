using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Health;
using Aurora.Core.Notify;
using Aurora.Core.Processes;
using Aurora.Core.Supervision;

namespace Aurora.Core.Tests.Notify;

/// The READY=1 rule: every service has reached its start condition, or failed, or cannot start by itself.
public class StackProgressTests
{
    private static readonly HealthCheckConfig Check =
        new(HealthCheckKind.Tcp, "127.0.0.1:1", [], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 3, TimeSpan.Zero);

    private static ServiceConfig Service(string name, bool health = false, params Dependency[] dependsOn) =>
        new(name, ["app", name], false, "/tmp", ImmutableSortedDictionary<string, string>.Empty, null, [], [.. dependsOn],
            health ? Check : null, RestartConfig.Default, StopConfig.Default, ResourceLimits.None, LogConfig.Default,
            DependencyFailureAction.Stop, [], []);

    private static ServiceSnapshot State(string name, ServiceState state, int? pid = null, HealthStatus health = HealthStatus.Unknown,
        int? exitCode = null) =>
        new(name, state, 1, Pid: pid, Health: health, LastExit: exitCode is { } code ? new ExitStatus(code, null) : null) { LastExitOk = exitCode == 0 };

    /// The service's Settling among the given states; the other services are plain ones without checks.
    private static Settling SettlingOf(ServiceConfig service, params ServiceSnapshot[] states) =>
        StackProgress.Of([service, .. states.Where(s => s.Name != service.Name).Select(s => Service(s.Name))], states.ToDictionary(s => s.Name))
            .Services[0].Settling;

    [Theory]
    [InlineData(ServiceState.Running, false, Settling.Up)]
    [InlineData(ServiceState.Running, true, Settling.Starting)]
    [InlineData(ServiceState.Healthy, true, Settling.Up)]
    [InlineData(ServiceState.Unhealthy, true, Settling.Unhealthy)]
    [InlineData(ServiceState.Exited, false, Settling.Completed)]
    [InlineData(ServiceState.Failed, false, Settling.Failed)]
    [InlineData(ServiceState.Stopped, false, Settling.Stopped)]
    [InlineData(ServiceState.Starting, false, Settling.Starting)]
    [InlineData(ServiceState.Starting, true, Settling.Starting)]
    [InlineData(ServiceState.Backoff, false, Settling.Starting)]
    [InlineData(ServiceState.Stopping, false, Settling.Starting)]
    public void A_service_on_its_own_settles_by_its_state(ServiceState state, bool health, Settling expected) =>
        Assert.Equal(expected, SettlingOf(Service("api", health), State("api", state, pid: 10)));

    [Fact]
    public void A_service_not_yet_published_is_starting() =>
        Assert.Equal(Settling.Starting, StackProgress.Of([Service("api")], ImmutableDictionary<string, ServiceSnapshot>.Empty).Services[0].Settling);

    [Fact]
    public void Pending_on_a_dependency_still_on_its_way_is_starting()
    {
        var api = Service("api", false, new Dependency("db", DependencyCondition.Healthy));
        var progress = StackProgress.Of([Service("db", health: true), api],
            new[] { State("db", ServiceState.Starting, pid: 5), State("api", ServiceState.Pending) }.ToDictionary(s => s.Name));

        Assert.Equal(Settling.Starting, progress.Services[1].Settling);
        Assert.False(progress.Settled);
    }

    [Theory]
    [InlineData(ServiceState.Failed, DependencyCondition.Healthy)]
    [InlineData(ServiceState.Stopped, DependencyCondition.Started)]
    [InlineData(ServiceState.Unhealthy, DependencyCondition.Healthy)]
    [InlineData(ServiceState.Healthy, DependencyCondition.Completed)]
    public void Pending_behind_a_dependency_that_settled_without_meeting_the_condition_is_held_back(ServiceState dbState, DependencyCondition condition)
    {
        var api = Service("api", false, new Dependency("db", condition));
        var progress = StackProgress.Of([Service("db", health: true), api],
            new[] { State("db", dbState, pid: dbState == ServiceState.Healthy ? 5 : null), State("api", ServiceState.Pending) }.ToDictionary(s => s.Name));

        Assert.Equal(Settling.HeldBack, progress.Services[1].Settling);
        Assert.True(progress.Settled);
    }

    [Fact]
    public void A_one_shot_that_failed_holds_back_what_needs_it_completed()
    {
        var app = Service("app", false, new Dependency("migrate", DependencyCondition.Completed));

        Assert.Equal(Settling.HeldBack, SettlingOf(app, State("migrate", ServiceState.Exited, exitCode: 3), State("app", ServiceState.Pending)));
        Assert.Equal(Settling.Starting, SettlingOf(app, State("migrate", ServiceState.Exited, exitCode: 0), State("app", ServiceState.Pending)));
    }

    [Fact]
    public void Held_back_passes_down_a_chain_but_starting_does_too()
    {
        ServiceConfig[] services =
        [
            Service("db", health: true),
            Service("api", false, new Dependency("db", DependencyCondition.Healthy)),
            Service("web", false, new Dependency("api", DependencyCondition.Started)),
        ];
        ServiceSnapshot[] Chain(ServiceState db) => [State("db", db), State("api", ServiceState.Pending), State("web", ServiceState.Pending)];

        var failed = StackProgress.Of(services, Chain(ServiceState.Failed).ToDictionary(s => s.Name));
        var backoff = StackProgress.Of(services, Chain(ServiceState.Backoff).ToDictionary(s => s.Name));

        Assert.Equal([Settling.Failed, Settling.HeldBack, Settling.HeldBack], failed.Services.Select(s => s.Settling));
        Assert.Equal([Settling.Starting, Settling.Starting, Settling.Starting], backoff.Services.Select(s => s.Settling));
    }

    [Fact]
    public void Degraded_with_its_process_kept_is_settled_without_it_waits_like_pending()
    {
        var api = Service("api", false, new Dependency("db", DependencyCondition.Started));

        Assert.Equal(Settling.Degraded, SettlingOf(api, State("db", ServiceState.Backoff), State("api", ServiceState.Degraded, pid: 7)));
        Assert.Equal(Settling.Starting, SettlingOf(api, State("db", ServiceState.Backoff), State("api", ServiceState.Degraded)));
        Assert.Equal(Settling.HeldBack, SettlingOf(api, State("db", ServiceState.Failed), State("api", ServiceState.Degraded)));
    }

    [Fact]
    public void A_dependency_that_is_not_there_holds_back()
    {
        var api = Service("api", false, new Dependency("gone", DependencyCondition.Started));

        Assert.Equal(Settling.HeldBack, SettlingOf(api, State("api", ServiceState.Pending)));
    }

    [Fact]
    public void The_summary_counts_each_kind_and_names_those_that_are_not_simply_up()
    {
        ServiceConfig[] services = [Service("db", health: true), Service("api"), Service("migrate"), Service("chat"), Service("worker", health: true)];
        var states = new[]
        {
            State("db", ServiceState.Healthy, pid: 1, health: HealthStatus.Healthy),
            State("api", ServiceState.Running, pid: 2),
            State("migrate", ServiceState.Exited, exitCode: 0),
            State("chat", ServiceState.Failed),
            State("worker", ServiceState.Starting, pid: 3),
        }.ToDictionary(s => s.Name);

        Assert.Equal("5 services: 2 up, 1 completed, 1 failed (chat), 1 starting (worker)", StackProgress.Of(services, states).Summary());
    }

    [Fact]
    public void The_summary_stays_one_short_line_on_a_big_stack()
    {
        var services = Enumerable.Range(1, 200).Select(i => Service($"svc-{i}")).ToList();
        var progress = StackProgress.Of(services, services.ToDictionary(s => s.Name, s => State(s.Name, ServiceState.Pending)));

        Assert.Equal("200 services: 200 starting (svc-1, svc-2, svc-3 +197)", progress.Summary());
        Assert.Equal("1 service: 1 up",
            StackProgress.Of([Service("api")], new[] { State("api", ServiceState.Running, pid: 2) }.ToDictionary(s => s.Name)).Summary());
    }
}
