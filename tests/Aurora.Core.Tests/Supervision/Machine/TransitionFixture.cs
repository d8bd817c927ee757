using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Health;
using Aurora.Core.Limits;
using Aurora.Core.Processes;
using Aurora.Core.Supervision;

namespace Aurora.Core.Tests.Supervision.Machine;

/// Builds the state, config and input a table row describes. Every fixture is the service `api` with one
/// dependency, `db` (`depends_on: started`); an unknown condition or input fails the test rather than being ignored.
internal sealed class TransitionFixture
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private const string WaitingForDb = "waiting for db: started";

    public SupervisorState State { get; private set; } = null!;

    public ServiceConfig Config { get; private set; } = TestConfigs.Service("api", dependsOn: [new Dependency("db", DependencyCondition.Started)]);

    public SupervisorInput Input { get; private set; } = null!;

    private int _exitCode = 1;
    private bool _staleGeneration;
    private bool _staleVersion;
    private bool _removeHealth;
    private string _verdict = Causes.PortConflict;
    private string? _waitFor;
    private bool _staleToken;
    private LimitBreach _breach = new(LimitBreach.Memory, 70 << 20, 64 << 20, LimitBreach.BySampling);
    private bool _stalePid;
    private ServiceSnapshot _last = new("api", ServiceState.Stopped, 9, Restarts: 4, LastExit: new ExitStatus(null, Signals.SIGTERM));

    private const string Address = "127.0.0.1:6379";

    public static TransitionFixture For(TransitionRow row)
    {
        var f = new TransitionFixture();
        f.State = Base(ParseState(row.From), row.Input);
        foreach (var condition in row.When)
        {
            f.Apply(condition);
        }

        f.Input = f.MakeInput(row.Input);
        return f;
    }

    public static ServiceState ParseState(string name) =>
        Enum.TryParse<ServiceState>(name, ignoreCase: true, out var s) ? s : throw new ArgumentException($"unknown state '{name}'");

    public static ServiceSnapshot Db(bool up, long version) =>
        new("db", up ? ServiceState.Running : ServiceState.Stopped, version, Pid: up ? 50 : null);

    private static SupervisorState Base(ServiceState from, string input)
    {
        var running = new ServiceSnapshot("api", from, 7, Pid: 100, StartTicks: 1000, StartedAt: Now.AddSeconds(-10));
        var idle = new ServiceSnapshot("api", from, 7);
        var state = new SupervisorState
        {
            Service = idle,
            Wanted = true,
            Generation = 3,
            Dependencies = ImmutableDictionary<string, ServiceSnapshot>.Empty.Add("db", Db(up: true, 5)),
        };
        return from switch
        {
            ServiceState.Stopped => state with { Wanted = false },
            ServiceState.Pending or ServiceState.Degraded => state with
            {
                Service = idle with { Reason = WaitingForDb, LastCause = from == ServiceState.Degraded ? Causes.DependencyUnavailable : null },
                Dependencies = state.Dependencies.SetItem("db", Db(up: false, 5)),
            },
            ServiceState.Starting when input is "spawned" or "spawn failed" => state,
            ServiceState.Starting or ServiceState.Running or ServiceState.Stopping => state with { Service = running },
            ServiceState.Healthy or ServiceState.Unhealthy => state with
            {
                Service = running with { Health = from == ServiceState.Healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy },
                EverHealthy = true,
            },
            ServiceState.Backoff => state with { Service = idle with { NextRestartAt = Now.AddSeconds(1) }, Attempt = 1 },
            ServiceState.Exited => state with { Service = idle with { LastExit = new ExitStatus(0, null) } },
            ServiceState.Failed => state with { Service = idle with { LastCause = Causes.CrashLoop } },
            _ => throw new ArgumentOutOfRangeException(nameof(from)),
        };
    }

    private void Apply(string condition)
    {
        var health = TestConfigs.Http(retries: 1);
        switch (condition)
        {
            case "dependencies hold":
                SetDb(up: true);
                break;
            case "a dependency is down":
                SetDb(up: false);
                break;
            case "with a health check":
                Config = Config with { Health = health };
                if (State.Service.State == ServiceState.Degraded && State.HasProcess)
                {
                    State = State with { Service = State.Service with { Health = HealthStatus.Healthy } };
                }

                break;
            case "no health check":
                Config = Config with { Health = null };
                break;
            case "health check removed":
                _removeHealth = true;
                break;
            case "start period over":
                Config = Config with { Health = (Config.Health ?? health) with { StartPeriod = TimeSpan.FromSeconds(5) } };
                break;
            case "never healthy":
                State = State with { EverHealthy = false };
                break;
            case "policy never":
                Config = Config with { Restart = Config.Restart with { Policy = RestartPolicyKind.Never } };
                break;
            case "policy always":
                Config = Config with { Restart = Config.Restart with { Policy = RestartPolicyKind.Always } };
                break;
            case "no backoff delay":
                Config = Config with { Restart = Config.Restart with { Backoff = Config.Restart.Backoff with { Initial = TimeSpan.Zero } } };
                break;
            case "restart limit reached":
                State = State with { Failures = [.. Enumerable.Range(1, Config.Restart.Limit.Count).Select(i => Now.AddSeconds(-i))] };
                break;
            case "exit code 0":
                _exitCode = 0;
                break;
            case "stale generation":
                _staleGeneration = true;
                break;
            case "stale version":
                _staleVersion = true;
                break;
            case "not wanted":
                State = State with { Wanted = false };
                break;
            case "killed as hung":
                State = State with { KillCause = Causes.Hang };
                break;
            case "process kept":
                State = State with { Service = State.Service with { Pid = 100, StartTicks = 1000, StartedAt = Now.AddSeconds(-10) } };
                break;
            case "no process":
                State = State with { Service = State.Service with { Pid = null, StartedAt = null } };
                break;
            case "restart on recovery":
                State = State with { RestartOnRecovery = true };
                break;
            case "on_dependency_failure stop":
            case "on_dependency_failure keep":
            case "on_dependency_failure restart":
                Config = Config with { OnDependencyFailure = Enum.Parse<DependencyFailureAction>(condition.Split(' ')[1], ignoreCase: true) };
                break;
            case "after stop":
                Stop(new StopPlan(ServiceState.Stopped, null, null, AfterStop.Stay), wanted: false);
                break;
            case "after restart":
                Stop(new StopPlan(ServiceState.Stopped, null, null, AfterStop.Start), wanted: false);
                break;
            case "held for a dependency":
                Stop(new StopPlan(ServiceState.Degraded, WaitingForDb, Causes.DependencyUnavailable, AfterStop.Stay), wanted: true);
                break;
            case "relaunch":
                Stop(new StopPlan(ServiceState.Pending, null, null, AfterStop.Launch), wanted: true);
                break;
            case Causes.ConfigError or Causes.PortConflict:
                _verdict = condition;
                break;
            case "with a ready check":
                Config = Config with { Ready = new ReadinessConfig("listening on", false, null, TimeSpan.FromSeconds(30)) };
                break;
            case "with a notify watchdog":
                Config = Config with { Ready = new ReadinessConfig(null, true, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)) };
                State = State with { Service = State.Service with { Ready = true }, WatchdogToken = 5 };
                break;
            case "an older ping":
            case "an older schedule timer":
                _staleToken = true;
                break;
            case "exit code 3":
                _exitCode = 3;
                break;
            case "success codes 0 and 3":
                Config = Config with { SuccessExitCodes = [0, 3] };
                break;
            case "dependency_unavailable with an address":
                _verdict = Causes.DependencyUnavailable;
                _waitFor = Address;
                break;
            case "waiting for an address":
                State = State with { WaitingFor = Address };
                if (State.Service.State == ServiceState.Degraded)
                {
                    State = State with { Service = State.Service with { Reason = "waiting for " + Address } };
                }

                break;
            case "killed by the kernel":
                _breach = _breach with { Usage = 64 << 20, EnforcedBy = LimitBreach.ByCgroup, KilledByKernel = true };
                break;
            case "pids by sampling":
                _breach = new LimitBreach(LimitBreach.Pids, 25, 20, LimitBreach.BySampling);
                break;
            case "pids refused by the cgroup":
                _breach = new LimitBreach(LimitBreach.Pids, 20, 20, LimitBreach.ByCgroup);
                break;
            case "cpu":
                _breach = new LimitBreach(LimitBreach.Cpu, 180, 90, LimitBreach.BySampling);
                break;
            case "on_cpu warn":
            case "on_cpu restart":
                Config = Config with { Limits = Config.Limits with { CpuPercent = 90, OnCpu = Enum.Parse<CpuAction>(condition.Split(' ')[1], ignoreCase: true) } };
                break;
            case "stale pid":
                _stalePid = true;
                break;
            case "scheduled":
            case "overlap allowed":
                Config = Config with { Schedule = new ScheduleConfig(null, TimeSpan.FromHours(1), null, AllowOverlap: condition == "overlap allowed") };
                break;
            case "a next run on show":
                State = State with { Service = State.Service with { NextRunAt = Now.AddMinutes(30) } };
                break;
            case "a run queued":
                State = State with { RunAgain = true };
                break;
            case "wanted":
                State = State with { Wanted = true };
                break;
            case "killed over its memory limit":
                State = State with { KillCause = Causes.OutOfMemory, MemoryAtKill = 70 << 20 };
                break;
            case "last stopped":
                break;
            case "last failed":
                _last = _last with { State = ServiceState.Failed, LastCause = Causes.CrashLoop, LastExit = new ExitStatus(1, null) };
                break;
            case "last exited":
                _last = _last with { State = ServiceState.Exited, LastExit = new ExitStatus(0, null), LastExitOk = true };
                break;
            case "last in backoff":
                _last = _last with { State = ServiceState.Backoff, LastExit = new ExitStatus(1, null), NextRestartAt = Now.AddSeconds(3) };
                break;
            case "its backoff over":
                _last = _last with { NextRestartAt = Now.AddSeconds(-1) };
                break;
            default:
                throw new ArgumentException($"the table names a condition the test does not know: '{condition}'");
        }
    }

    private void SetDb(bool up) =>
        State = State with { Dependencies = State.Dependencies.SetItem("db", Db(up, 5)) };

    private void Stop(StopPlan plan, bool wanted) =>
        State = State with { Stopping = plan, Wanted = wanted, Generation = State.Generation + 1 };

    private SupervisorInput MakeInput(string input)
    {
        var generation = State.Generation - (_staleGeneration ? 1 : 0);
        var version = _staleVersion ? 1 : 10;
        return input switch
        {
            "start" => new SupervisorInput.Start(Manual: false),
            "start (manual)" => new SupervisorInput.Start(Manual: true),
            "stop" => new SupervisorInput.Stop(),
            "restart" => new SupervisorInput.Restart(),
            "spawned" => new SupervisorInput.Spawned(200, 2000, Now),
            "spawn failed" => new SupervisorInput.SpawnFailed(127, "app: command not found"),
            "exited" => new SupervisorInput.Exited(generation, new ExitStatus(_exitCode, null)),
            "stop completed" => new SupervisorInput.StopCompleted(new ExitStatus(null, Signals.SIGTERM)),
            "healthy" => new SupervisorInput.HealthChanged(generation, new HealthResult(true, "HTTP 200", TimeSpan.FromMilliseconds(1)), HealthStatus.Healthy, 0),
            "unhealthy" => new SupervisorInput.HealthChanged(generation, new HealthResult(false, "connection refused", TimeSpan.FromMilliseconds(1)),
                HealthStatus.Unhealthy, 1),
            "dependency up" => new SupervisorInput.DependencyChanged(Db(up: true, version)),
            "dependency down" => new SupervisorInput.DependencyChanged(Db(up: false, version)),
            "backoff elapsed" => new SupervisorInput.BackoffElapsed(generation),
            "reconfigure" => new SupervisorInput.Reconfigure(_removeHealth ? Config with { Health = null } : Config),
            "diagnosed" => new SupervisorInput.Diagnosed(new Aurora.Core.Diagnosis.Diagnosis(_verdict, 0.9, ["evidence"], "summary") { WaitFor = _waitFor }),
            "address answered" => new SupervisorInput.AddressAnswered(generation, Address),
            "adopt" => new SupervisorInput.Adopt(300, 3000, Now.AddSeconds(-60), new AdoptionMemo(2, 1, null, Causes.Unknown, "f", []), 0, 0),
            "restore" => new SupervisorInput.Restore(_last, 2),
            "ready" => new SupervisorInput.Ready(generation),
            "notify status" => new SupervisorInput.NotifyStatus(generation, "serving 3 requests"),
            "watchdog ping" => new SupervisorInput.WatchdogPing(generation),
            "ready deadline" => new SupervisorInput.DeadlinePassed(generation, Deadline.Ready, 0),
            "watchdog deadline" => new SupervisorInput.DeadlinePassed(generation, Deadline.Watchdog, State.WatchdogToken - (_staleToken ? 1 : 0)),
            "schedule due" => new SupervisorInput.ScheduleDue(State.ScheduleToken - (_staleToken ? 1 : 0)),
            "resource exceeded" => new SupervisorInput.ResourceExceeded(_stalePid ? 99 : State.Service.Pid ?? 100, _breach),
            _ => throw new ArgumentException($"the table names an input the test does not know: '{input}'"),
        };
    }
}
