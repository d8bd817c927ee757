using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Supervision;

namespace Aurora.Core.Watching;

/// Every service's `watch:` (SPEC §3): a change restarts the service — every instance of it — skipping backoff and
/// not counting toward its restart limit (a restart by request); with `cascade: true` the services that depend on it
/// follow, in dependency order. One watch per declared service; a reload replaces those whose watch changed.
public sealed class WatchRestarts(Orchestrator orchestrator, EventLog events, TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (WatchConfig Config, FileWatch Watch)> _watches = [];
    private readonly SemaphoreSlim _restarts = new(1, 1);

    /// Sets up (or keeps, or replaces, or drops) the watches for the config in force.
    public void Apply(AuroraConfig config)
    {
        lock (_gate)
        {
            var wanted = config.Declared.Where(s => s.Watch is not null).ToDictionary(s => s.Name, s => s.Watch!);
            foreach (var name in _watches.Keys.Where(n => !wanted.TryGetValue(n, out var w) || !w.Equals(_watches[n].Config)).ToList())
            {
                _watches[name].Watch.Dispose();
                _watches.Remove(name);
            }

            foreach (var (name, watch) in wanted.Where(w => !_watches.ContainsKey(w.Key)))
            {
                _watches[name] = (watch, new FileWatch(config.ProjectDirectory, watch, time,
                    files => _ = RestartAsync(name, watch.Cascade, files),
                    problem => events.Publish(EventTypes.WatchFailed, name, new EventData().Add("error", problem).Build())));
            }
        }
    }

    private async Task RestartAsync(string service, bool cascade, IReadOnlyList<string> files)
    {
        await _restarts.WaitAsync();
        try
        {
            events.Publish(EventTypes.WatchChanged, service, new EventData().Add("files", files.Take(20)).Add("count", files.Count)
                .Add("cascade", cascade).Build());
            // Not started yet (the stack is coming up, or it waits for a dependency) or stopped by a person: nothing
            // runs the old files, and a restart would start it out of order or against the person's stop.
            var targets = orchestrator.Resolve(service).Where(s => s.Snapshot.State is not (ServiceState.Stopped or ServiceState.Pending)).ToList();
            if (cascade)
            {
                var names = targets.Select(t => t.Name).ToHashSet();
                var dependents = orchestrator.Graph.StartOrder
                    .Where(n => !names.Contains(n) && orchestrator.Graph.DependsTransitively(n, names))
                    .Select(orchestrator.Find).OfType<ServiceSupervisor>()
                    .Where(s => s.Snapshot.State is not (ServiceState.Stopped or ServiceState.Failed or ServiceState.Exited));
                targets.AddRange(dependents);
            }

            // In dependency order, each restart done before the next begins.
            foreach (var supervisor in targets)
            {
                await supervisor.RestartAsync(source: "watch");
            }
        }
        finally
        {
            _restarts.Release();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var (_, watch) in _watches.Values)
            {
                watch.Dispose();
            }

            _watches.Clear();
        }
    }
}
