using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Graph;
using Aurora.Core.Reload;

namespace Aurora.Core.Supervision;

public sealed partial class Orchestrator
{
    /// Applies a validated config as a diff: removed services stop (dependents first), the graph is
    /// swapped, changed services are reconfigured (and restarted when their process is affected, in
    /// dependency order), added ones start. Unchanged services are not touched and keep their pids.
    public async Task ApplyAsync(AuroraConfig next, ReloadPlan plan)
    {
        await _reload.WaitAsync();
        try
        {
            var oldGraph = _graph;
            var removed = plan.Removed.ToHashSet();
            await StopInReverseAsync(oldGraph, removed);

            var byName = next.Services.ToDictionary(s => s.Name);
            var supervisors = _supervisors.RemoveRange(removed);
            foreach (var name in plan.Added)
            {
                supervisors = supervisors.Add(name, new ServiceSupervisor(byName[name], _ctx, _outputs(byName[name]), announce: true));
            }

            _graph = new DependencyGraph(next.Services);
            _supervisors = supervisors;
            Config = next;
            foreach (var name in removed)
            {
                _ctx.States.Remove(name);
            }

            foreach (var change in plan.Updated)
            {
                await _supervisors[change.Service].ReconfigureAsync(byName[change.Service]);
                ShowDependencies(_supervisors[change.Service]);
            }

            var restarted = plan.Restarted.Select(c => c.Service).ToHashSet();
            foreach (var name in _graph.StartOrder.Where(restarted.Contains))
            {
                var supervisor = _supervisors[name];
                await supervisor.ReconfigureAsync(byName[name]);
                ShowDependencies(supervisor);
                if (supervisor.Snapshot.State is not (ServiceState.Stopped or ServiceState.Failed))
                {
                    await supervisor.RestartAsync();
                }
            }

            foreach (var name in plan.Added)
            {
                ShowDependencies(_supervisors[name]);
            }

            await Task.WhenAll(plan.Added.Where(n => next.StartsWithStack(byName[n])).Select(n => _supervisors[n].StartAsync(manual: false)));
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task StopInReverseAsync(DependencyGraph graph, IReadOnlySet<string> names)
    {
        var tasks = new Dictionary<string, Task>();
        foreach (var name in graph.StartOrder.Reverse().Where(names.Contains))
        {
            var dependents = graph.DependentsOf(name).Where(tasks.ContainsKey).Select(d => tasks[d]).ToArray();
            tasks[name] = StopAfter(dependents, _supervisors[name]);
        }

        await Task.WhenAll(tasks.Values);
        foreach (var name in tasks.Keys)
        {
            await _supervisors[name].DisposeAsync();
        }
    }
}
