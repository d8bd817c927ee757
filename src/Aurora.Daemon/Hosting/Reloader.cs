using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Reload;

namespace Aurora.Daemon.Hosting;

/// `aurora reload`, SIGHUP and POST /api/v1/reload: re-read the config files the daemon was started with (the
/// whole `-f` list, merged again), validate all of it, and only then apply it as a diff of the merged result (a
/// key moved from one file to another changes nothing). A config with any error changes nothing at all. One reload at a time.
/// Nothing about a reload is persisted but the file itself, so a daemon killed halfway comes back
/// (`aurora up`) with the file's config whole — never a mix of old and new.
public sealed partial class Reloader(AuroraRuntime runtime)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public IReadOnlyList<string> ConfigFiles => runtime.Config.Files;

    public async Task<ReloadOutcome> ReloadAsync(bool dryRun, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var current = runtime.Config;
            var loaded = ConfigLoader.Load(current.Files, profiles: current.ActiveProfiles);
            if (loaded.Config is not { } next)
            {
                var errors = loaded.Diagnostics.Where(d => !d.IsWarning).Select(d => d.ToString()).ToImmutableArray();
                if (!dryRun)
                {
                    runtime.Events.Publish(EventTypes.ConfigRejected, null,
                        new EventData().Add("file", current.FilePath).Add("files", current.Files).Add("errors", errors).Build());
                }

                return new ReloadOutcome(null, errors, Applied: false);
            }

            var plan = ReloadPlanner.Plan(current, next);
            if (dryRun)
            {
                return new ReloadOutcome(plan, [], Applied: false);
            }

            await runtime.Orchestrator.ApplyAsync(next, plan);
            _scaled.Clear();

            // healing and maintenance are read from the config in force at each use; notify has workers.
            runtime.Notifier.Update(next.Notify);
            runtime.Watches.Apply(next);
            foreach (var change in plan.Updated.Concat(plan.Restarted).Where(c => c.Fields.Contains("logs")))
            {
                runtime.Log(change.Service)?.Reconfigure(next.Find(change.Service)!.Logs);
            }

            runtime.Events.Publish(EventTypes.ConfigReloaded, null, Describe(plan, current).Build());
            return new ReloadOutcome(plan, [], Applied: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static EventData Describe(ReloadPlan plan, AuroraConfig config) => new EventData()
        .Add("file", config.FilePath)
        .Add("files", config.Files)
        .Add("added", plan.Added)
        .Add("removed", plan.Removed)
        .Add("restarted", plan.Restarted.Select(c => $"{c.Service} ({string.Join(", ", c.Fields)})"))
        .Add("updated", plan.Updated.Select(c => $"{c.Service} ({string.Join(", ", c.Fields)})"))
        .Add("unchanged", plan.Unchanged)
        .Add("settings", plan.Settings);
}
