using System.Collections.Immutable;
using System.Globalization;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Health;
using Aurora.Core.Supervision;
using Aurora.Daemon.Hosting;
using Aurora.IntegrationTests.Daemon;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.IntegrationTests.Boot;

/// The daemon's side of Type=notify, driven by published states and a fake clock, heard on a real socket.
public sealed class SystemdSessionTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly EventLog _events;
    private readonly ServiceStateStore _states;
    private readonly TestProject _project = TestProject.Create("""
        services:
          db: { command: ["sleep", "1000"], health: { tcp: "127.0.0.1:1" } }
          api: { command: ["sleep", "1000"], depends_on: { db: healthy } }
        """);

    private readonly NotifyInbox _inbox = NotifyInbox.Open();

    public SystemdSessionTests()
    {
        _events = new EventLog(new MemoryEventStore(), _time);
        _states = new ServiceStateStore(_events);
    }

    private ImmutableArray<ServiceConfig> Services => _project.LoadConfig().Services;

    private SystemdNotifier Notifier(long? watchdogUsec = null) => SystemdNotifier.From(name => name switch
    {
        SystemdNotifier.SocketVariable => _inbox.Address,
        SystemdNotifier.WatchdogUsecVariable => watchdogUsec?.ToString(CultureInfo.InvariantCulture),
        _ => null,
    }, Environment.ProcessId)!;

    /// A session started while db is starting and api waits for it, as the daemon starts one.
    private SystemdSession StartWhileStarting(long? watchdogUsec = null)
    {
        Set("db", ServiceState.Starting);
        Set("api", ServiceState.Pending);
        var services = Services;
        return new SystemdSession(Notifier(watchdogUsec), _states, () => services, _time);
    }

    private void Set(string name, ServiceState state, HealthStatus health = HealthStatus.Unknown)
    {
        var current = _states.Get(name) ?? _states.Add(ServiceSnapshot.Initial(name), announce: false);
        _states.Publish(current with { State = state, Health = health, Pid = state is ServiceState.Pending ? null : 100 }, EventTypes.ServiceUpdated, new EventData());
    }

    [Fact]
    public async Task Main_pid_first_then_status_as_it_changes_and_ready_once_when_every_service_has_settled()
    {
        var ct = TestContext.Current.CancellationToken;
        var session = StartWhileStarting();

        Assert.Equal(Environment.ProcessId, (await _inbox.Next(ct)).MainPid);
        Assert.Equal("2 services: 2 starting (db, api)", (await _inbox.Next(ct)).Status);

        Set("db", ServiceState.Healthy, HealthStatus.Healthy);
        var afterDb = await _inbox.Next(ct);
        Assert.False(afterDb.Ready);
        Assert.Equal("2 services: 1 up, 1 starting (api)", afterDb.Status);

        Set("api", ServiceState.Running);
        var ready = await _inbox.Next(ct);
        Assert.True(ready.Ready);
        Assert.Equal("2 services: 2 up", ready.Status);

        // Later changes are STATUS only: READY=1 is said once.
        Set("api", ServiceState.Backoff);
        var restarting = await _inbox.Next(ct);
        Assert.Null(restarting["READY"]);
        Assert.Equal("2 services: 1 up, 1 starting (api)", restarting.Status);

        await session.DisposeAsync();
        var stopping = await _inbox.Next(ct);
        Assert.True(stopping.Stopping);
        Assert.Equal("stopping 2 services", stopping.Status);
    }

    [Fact]
    public async Task A_stack_that_cannot_come_up_is_still_ready_with_what_went_wrong()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = StartWhileStarting();

        Set("db", ServiceState.Failed);
        var ready = await _inbox.WaitFor(m => m.Ready, ct);

        Assert.Equal("2 services: 1 failed (db), 1 held back (api)", ready.Status);
    }

    [Fact]
    public async Task Watchdog_pings_every_half_interval_and_extend_the_start_timeout_only_until_ready()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = StartWhileStarting(watchdogUsec: 10_000_000);

        var first = await _inbox.WaitFor(m => m.Watchdog, ct);
        Assert.Equal("15000000", first["EXTEND_TIMEOUT_USEC"]);

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("15000000", (await _inbox.WaitFor(m => m.Watchdog, ct))["EXTEND_TIMEOUT_USEC"]);

        Set("db", ServiceState.Healthy, HealthStatus.Healthy);
        Set("api", ServiceState.Running);
        await _inbox.WaitFor(m => m.Ready, ct);
        _time.Advance(TimeSpan.FromSeconds(5));
        var afterReady = await _inbox.WaitFor(m => m.Watchdog, ct);

        Assert.Null(afterReady["EXTEND_TIMEOUT_USEC"]);
    }

    [Fact]
    public void The_environment_decides_whether_and_how_often_to_ping()
    {
        SystemdNotifier? From(params (string Name, string Value)[] env) =>
            SystemdNotifier.From(name => env.FirstOrDefault(e => e.Name == name).Value, 4242);

        Assert.Null(From());
        Assert.Null(From(("NOTIFY_SOCKET", "relative/path")));
        Assert.Null(From(("NOTIFY_SOCKET", "@x"))!.WatchdogInterval);
        Assert.Equal(TimeSpan.FromSeconds(15), From(("NOTIFY_SOCKET", "@x"), ("WATCHDOG_USEC", "30000000"))!.WatchdogInterval);
        Assert.Equal(TimeSpan.FromSeconds(15), From(("NOTIFY_SOCKET", "@x"), ("WATCHDOG_USEC", "30000000"), ("WATCHDOG_PID", "4242"))!.WatchdogInterval);

        // sd_watchdog_enabled(3): a watchdog meant for another process is not ours to feed.
        Assert.Null(From(("NOTIFY_SOCKET", "@x"), ("WATCHDOG_USEC", "30000000"), ("WATCHDOG_PID", "1"))!.WatchdogInterval);
        Assert.Null(From(("NOTIFY_SOCKET", "@x"), ("WATCHDOG_USEC", "soon"))!.WatchdogInterval);
    }

    [Fact]
    public void A_notifier_with_nobody_listening_does_not_throw()
    {
        using var notifier = SystemdNotifier.From(name => name == SystemdNotifier.SocketVariable ? $"@aurora-test/nobody-{Guid.NewGuid():N}" : null, 1)!;

        notifier.Ready("1 service: 1 up");
        notifier.Watchdog();
        notifier.Stopping("stopping 1 service");
    }

    [Fact]
    public async Task A_status_is_one_line_however_it_was_written()
    {
        using var notifier = Notifier();

        notifier.Status("two\nlines\tand " + new string('x', 5000));
        var message = await _inbox.Next(TestContext.Current.CancellationToken);

        Assert.StartsWith("two lines and xxx", message.Status);
        Assert.Equal(1024, message.Status!.Length);
    }

    public async ValueTask DisposeAsync()
    {
        _inbox.Dispose();
        await _events.DisposeAsync();
        await _project.DisposeAsync();
    }
}
