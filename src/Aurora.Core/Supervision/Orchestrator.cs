using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Graph;
using Aurora.Core.Logs;

namespace Aurora.Core.Supervision;

/// Composes one ServiceSupervisor per service: starts them all (each waits for its own
/// dependencies, so independent services start in parallel and each starts the moment its
/// conditions hold), routes state changes to dependents, stops in reverse dependency order
/// and collects every stop error.
public sealed partial class Orchestrator : IAsyncDisposable
{
    private readonly SupervisorContext _ctx;
    private readonly Func<ServiceConfig, IServiceOutput> _outputs;
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile ImmutableDictionary<string, ServiceSupervisor> _supervisors;
    private volatile DependencyGraph _graph;

    public Orchestrator(AuroraConfig config, SupervisorContext ctx, Func<ServiceConfig, IServiceOutput> outputs)
    {
        _ctx = ctx;
        _outputs = outputs;
        Config = config;
        _graph = new DependencyGraph(config.Services);
        _supervisors = config.Services.ToImmutableDictionary(s => s.Name, s => new ServiceSupervisor(s, ctx, outputs(s)));
        ctx.States.Published += OnPublished;
        foreach (var supervisor in _supervisors.Values)
        {
            ShowDependencies(supervisor);
        }
    }

    public AuroraConfig Config { get; private set; }

    public DependencyGraph Graph => _graph;

    /// Supervisors in start order.
    public IEnumerable<ServiceSupervisor> Services => _graph.StartOrder.Select(n => _supervisors[n]);

    public ServiceSupervisor? Find(string name) => _supervisors.GetValueOrDefault(name);

    /// Starts the stack: every service but those of profiles that are not active (`aurora start NAME` starts one).
    public Task StartAllAsync() => Task.WhenAll(Services.Where(s => Config.StartsWithStack(s.Config)).Select(s => s.StartAsync(manual: false)));

    /// The instances `aurora start|stop|restart NAME` act on: the service NAME, or every replica of NAME.
    public IReadOnlyList<ServiceSupervisor> Resolve(string name) =>
        Find(name) is { } one ? [one] : [.. Services.Where(s => s.Config.ReplicaOf == name)];

    /// Stops every service after everything that depends on it has stopped.
    public async Task StopAllAsync()
    {
        var graph = _graph;
        var supervisors = _supervisors;
        var tasks = new Dictionary<string, Task>();
        foreach (var name in graph.StartOrder.Reverse())
        {
            var dependents = graph.DependentsOf(name).Select(d => tasks[d]).ToArray();
            tasks[name] = StopAfter(dependents, supervisors[name]);
        }

        var all = Task.WhenAll(tasks.Values);
        try
        {
            await all;
        }
        catch when (all.Exception is { } aggregate)
        {
            throw aggregate.Flatten();
        }
    }

    private static async Task StopAfter(Task[] dependents, ServiceSupervisor supervisor)
    {
        try
        {
            await Task.WhenAll(dependents);
        }
        finally
        {
            await supervisor.StopAsync();
        }
    }

    /// Tells a supervisor where its dependencies are now: at its start, and when a reload changed them. Later
    /// changes reach it as they happen (OnPublished); one seen twice is told apart by its version.
    private void ShowDependencies(ServiceSupervisor supervisor)
    {
        foreach (var dep in supervisor.Config.DependsOn)
        {
            if (_ctx.States.Get(dep.Service) is { } snapshot)
            {
                supervisor.NotifyDependencyChanged(snapshot);
            }
        }
    }

    /// Dependents learn of a dependency's change from the one published stream, in its order.
    private void OnPublished(ServiceChange change)
    {
        if (change.Removed)
        {
            return;
        }

        foreach (var dependent in _graph.DependentsOf(change.Snapshot.Name))
        {
            _supervisors.GetValueOrDefault(dependent)?.NotifyDependencyChanged(change.Snapshot);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAllAsync();
        }
        finally
        {
            _ctx.States.Published -= OnPublished;
            foreach (var s in _supervisors.Values)
            {
                await s.DisposeAsync();
            }
        }
    }
}
