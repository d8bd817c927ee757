using System.Collections.Concurrent;
using System.Collections.Immutable;
using Aurora.Core;
using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Forecasting;
using Aurora.Core.Healing;
using Aurora.Core.Health;
using Aurora.Core.Incidents;
using Aurora.Core.Limits;
using Aurora.Core.Logs;
using Aurora.Core.Processes;
using Aurora.Core.Processes.Holding;
using Aurora.Core.Resources;
using Aurora.Core.Supervision;
using Aurora.Core.Watching;
using Aurora.Daemon.Api;
using Aurora.Daemon.Forecasting;
using Aurora.Daemon.Http;
using Aurora.Daemon.Incidents;
using Aurora.Daemon.Notify;
using Aurora.Daemon.Resources;
using Aurora.Layout;

namespace Aurora.Daemon.Hosting;

/// The composition root of one daemon: the event log, the per-service logs, the launcher, the health
/// checks and the orchestrator, built from one validated config.
public sealed class AuroraRuntime : IAsyncDisposable, IServiceReader, IServiceControl, IDaemonLifecycle
{
    private readonly ConcurrentDictionary<string, ServiceLog> _logs = new();
    private readonly HealthScheduler _scheduler;
    private bool _detached;

    /// failures: the store's failure-memory role (incidents and history), or null for a store that keeps none.
    /// The daemon passes its SQLite store in both roles; a fleet would pass a shared networked store.
    /// resources: where the per-minute resource history goes; by default the event store when it keeps one
    /// (SQLite does), else memory.
    /// holder: the project's holder, which starts the services so they outlive this daemon (and hands them to the
    /// next); null starts them as this process's own children, to be stopped by the next daemon if this one dies.
    public AuroraRuntime(AuroraConfig config, DaemonPaths paths, TimeProvider time, IEventStore store, IFailureStore? failures,
        IResourceHistory? resources = null, HolderConnection? holder = null)
    {
        Holder = holder;
        Paths = paths;
        Time = time;
        StartedAt = time.GetUtcNow();
        Events = new EventLog(store, time);
        BootSeq = Events.LastCommittedSeq;
        States = new ServiceStateStore(Events);
        Directory.CreateDirectory(paths.Logs);
        Launcher = new PosixProcessLauncher(time);
        _scheduler = new HealthScheduler(time);
        var baseEnv = DaemonEnvironment.ForServices();
        var ports = new ProcPortOwners();
        var projectId = paths.ProjectId;
        Cgroups = new CgroupLimits(new ProjectCgroups(CgroupLayout.OfThisProcess(Environment.GetEnvironmentVariable(CgroupSetting)), projectId),
            time, line => Console.Error.WriteLine(line));
        var services = holder is null ? Launcher : new HeldProcessLauncher(() => holder.Current, time);
        var context = new SupervisorContext(services, Events, States, new ScheduledHealthChecks(_scheduler, Launcher, baseEnv, time),
            time, Random.Shared.NextDouble, projectId, baseEnv, Diagnoser.Default(ports),
            (service, cause) => HostDoctor.For(Orchestrator!.Config).Explain(Orchestrator.Config, service, cause), Cgroups);
        Orchestrator = new Orchestrator(config, context, LogOf);
        Notifier = new WebhookNotifier(config.Notify, Events, time);
        Healing = new HealingEngine(new HealingSetup(Orchestrator, Events, States, new FixCommandRunner(Launcher, baseEnv, time),
            new JsonFixRecords(paths.FixRecords), ports, time, paths.ProjectDirectory, projectId, paths.Backups, paths.Logs));
        Memory = failures is not null
            ? new FailureMemory(Events, failures, new RuntimeServiceFacts(() => Orchestrator.Config, Log, States, baseEnv), time) : null;
        Reloader = new Reloader(this);
        Watches = new WatchRestarts(Orchestrator, Events, time);
        var enforcer = new LimitEnforcer(Orchestrator.Find, Cgroups);
        Resources = new ResourceMonitor(() => Orchestrator.Config.Monitor, States,
            resources ?? new MemoryResourceHistory(time), time, enforcer.OnTick);
        Forecasts = new ForecastMonitor(() => Orchestrator.Config, Events, new DiskWatch(() => Orchestrator.Config, Events, new Forecaster(),
            c => new DiskCleanup(paths.Logs, c.Maintenance, new BackupPruner(paths.Backups, c.Healing.Backups, time), time), time));
        Resources.Ticked += Forecasts.OnTick;
    }

    /// `AURORA_CGROUPS` in the daemon's environment: `off` (limits by sampling only), `v1` (the v1 hierarchies
    /// only, leaving a v2 mount alone); unset: whatever the host has.
    public const string CgroupSetting = "AURORA_CGROUPS";

    /// The services' cgroups (`limits:`), or where they would be when the host has none.
    public CgroupLimits Cgroups { get; }

    /// The config in force (replaced whole by a successful reload).
    public AuroraConfig Config => Orchestrator.Config;

    public Reloader Reloader { get; }

    /// The services' `watch:` (a change restarts them).
    public WatchRestarts Watches { get; }

    public DaemonPaths Paths { get; }

    public TimeProvider Time { get; }

    public DateTimeOffset StartedAt { get; }

    public EventLog Events { get; }

    /// The last seq stored before this daemon started: its own events come after it.
    public long BootSeq { get; }

    public ServiceStateStore States { get; }

    /// Starts health-check and fix commands (the services go through the holder when there is one).
    public IProcessLauncher Launcher { get; }

    /// The project's holder, the services' parent; null when this daemon is their parent itself.
    public HolderConnection? Holder { get; }

    public Orchestrator Orchestrator { get; }

    public HealingEngine Healing { get; }

    public WebhookNotifier Notifier { get; }

    /// Incidents and history; null when the daemon was given no failure store.
    public FailureMemory? Memory { get; }

    /// CPU and memory sampling: the live samples, the five-minute ring and the minute history.
    public ResourceMonitor Resources { get; }

    /// Predictions: memory and open files per service from the samples, free disk from its own watch.
    public ForecastMonitor Forecasts { get; }

    public ServiceLog? Log(string service) => _logs.GetValueOrDefault(service);

    private ServiceLog LogOf(ServiceConfig s) =>
        _logs.GetOrAdd(s.Name, name => new ServiceLog(Paths.Logs, name, s.Logs, Time, OnRotated));

    public async Task StartAsync()
    {
        // Watches first (DaemonHost sets them up even before the API answers; Apply keeps what is there): `aurora up -d`
        // returns once the API answers, and a change made right after it must not be missed (a service not started yet
        // starts with the change anyway: see WatchRestarts).
        Watches.Apply(Config);
        var (adopted, strays) = await TakeOverAsync();

        // Tagged processes nobody holds (their holder died, or there was none) cannot be supervised: stopped.
        var leftovers = Holder is { FoundRunning: true } ? 0
            : await LeftoverProcesses.StopAsync(Paths.ProjectId, TimeSpan.FromSeconds(5), Time, CancellationToken.None);
        Events.Publish(EventTypes.DaemonStarted, null, new EventData().Add("pid", Environment.ProcessId)
            .Add("config", Config.FilePath).Add("services", Config.Services.Length).Add("leftovers_stopped", leftovers)
            .Add("adopted", adopted.Count).Build());
        await Task.WhenAll(strays.Select(p => p.StopAsync(Signals.SIGTERM, TimeSpan.FromSeconds(10), CancellationToken.None)));
        if (Memory is not null)
        {
            await Memory.StartAsync(BootSeq, CancellationToken.None);
        }

        Healing.Start(Events.LastCommittedSeq);
        Notifier.Start(BootSeq);
        Resources.Start();
        Forecasts.Start();
        Cgroups.Prepare(); // after the leftovers are gone: the empty groups they kept are swept (adopted services keep theirs)
        await Orchestrator.StartAllAsync(adopted, await PreviousStatesAsync(adopted));
    }

    /// What the holder kept from an earlier daemon: the services to take over, and processes no service owns now.
    private async Task<(IReadOnlyDictionary<string, AdoptedService> Adopted, List<IRunningProcess> Strays)> TakeOverAsync()
    {
        if (Holder is null)
        {
            return (new Dictionary<string, AdoptedService>(), []);
        }

        var client = await Holder.OpenAsync(CancellationToken.None);
        var names = Config.Services.Select(s => s.Name).ToHashSet();
        return HeldServices.Plan(client, Paths.ProjectId, names, Time);
    }

    /// After a crash or a handover (the holder outlived the daemon), the last committed state of each service that has
    /// no process to adopt: kept as it was rather than started. A fresh start (after `down`, or a first `up`) has none.
    private async Task<IReadOnlyDictionary<string, RestoredService>?> PreviousStatesAsync(IReadOnlyDictionary<string, AdoptedService> adopted)
    {
        if (Holder is not { FoundRunning: true })
        {
            return null;
        }

        var names = Config.Services.Select(s => s.Name).Where(n => !adopted.ContainsKey(n)).ToHashSet();
        return await PreviousStates.ReadAsync(Events.Store, BootSeq, names, CancellationToken.None);
    }

    /// Hands over to the next daemon: every service is let go, not stopped (the holder keeps them and their output),
    /// and what this daemon read of their output is written. DisposeAsync then leaves them running.
    public async Task DetachAsync()
    {
        _detached = true;
        Events.Publish(EventTypes.DaemonStopping, null, new EventData().Add("pid", Environment.ProcessId).Add("handover", true).Build());
        await Orchestrator.DetachAsync();
        await HeldProcessLauncher.LetGoAsync();
    }

    public async Task StopAllAsync()
    {
        Events.Publish(EventTypes.DaemonStopping, null, new EventData().Add("pid", Environment.ProcessId).Build());
        await Healing.StopAsync(); // no fix may start a service again once they are being stopped
        await Orchestrator.StopAllAsync();
        Cgroups.Teardown();
    }

    CommittedServices IServiceReader.Committed => States.Committed;

    IReadOnlyList<string> IServiceReader.Names => Orchestrator.Graph.StartOrder;

    ServiceSnapshot? IServiceReader.Current(string name) => Orchestrator.Find(name)?.Snapshot;

    ServiceConfig? IServiceReader.ConfigOf(string name) => Orchestrator.Find(name)?.Config;

    ServiceLog? IServiceReader.LogOf(string name) => Orchestrator.Find(name) is null ? null : Log(name);

    async Task<IReadOnlyList<ServiceSnapshot>> IServiceControl.ActAsync(string name, ServiceAction action, string source)
    {
        var targets = Orchestrator.Resolve(name);
        await Task.WhenAll(targets.Select(s => action switch
        {
            ServiceAction.Start => s.StartAsync(manual: true, source),
            ServiceAction.Stop => s.StopAsync(source),
            _ => s.RestartAsync(source),
        }));
        return [.. targets.Select(s => s.Snapshot)];
    }

    Task<ScaleOutcome> IServiceControl.ScaleAsync(string name, int replicas, string source, CancellationToken ct) =>
        Reloader.ScaleAsync(name, replicas, source, ct);

    Task<HealOutcome?> IServiceControl.HealAsync(string name, string source, CancellationToken ct) => Healing.HealNowAsync(name, source, ct);

    string IDaemonLifecycle.ProjectDirectory => Paths.ProjectDirectory;

    int IDaemonLifecycle.ServiceCount => Config.Services.Length;

    async Task<IReadOnlyList<string>> IDaemonLifecycle.StopServicesAsync(CancellationToken ct)
    {
        var errors = new List<string>();
        try
        {
            await StopAllAsync();
        }
        catch (AggregateException ex)
        {
            errors.AddRange(ex.InnerExceptions.Select(e => e.Message));
        }

        await FlushOrSayAsync(ct);
        return errors;
    }

    /// Flushes the events as a stop ends. While the store cannot write (a full disk) they stay held and are lost
    /// with this daemon: that is said in its log, not thrown, so that the stop itself never fails for it.
    internal async Task FlushOrSayAsync(CancellationToken ct)
    {
        try
        {
            await Events.FlushAsync(ct);
        }
        catch (IOException ex)
        {
            DaemonLog.Say($"aurora: {ex.Message}; they are lost if the daemon ends before the store can write them");
        }
    }

    private void OnRotated(LogRotated rotated) =>
        Events.Publish(EventTypes.LogRotated, rotated.Service,
            new EventData().Add("file", rotated.RotatedTo).Add("bytes", rotated.Bytes).Build());


    public async ValueTask DisposeAsync()
    {
        Watches.Dispose();
        await Resources.DisposeAsync(); // writes the minute in progress, before the store closes
        await Forecasts.DisposeAsync();
        await Healing.DisposeAsync();
        if (!_detached)
        {
            await Orchestrator.DisposeAsync();
            Cgroups.Teardown();
        }

        await Notifier.DisposeAsync();
        await _scheduler.DisposeAsync();
        await FlushOrSayAsync(CancellationToken.None);
        if (Memory is not null)
        {
            await Memory.DisposeAsync();
        }

        foreach (var log in _logs.Values)
        {
            log.Dispose();
        }

        await Events.DisposeAsync();
        Holder?.Dispose();
    }
}
