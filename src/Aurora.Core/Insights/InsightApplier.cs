using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Healing;
using Aurora.Core.Insights.Editing;
using Aurora.Core.Reload;
using Aurora.Core.Supervision;

namespace Aurora.Core.Insights;

/// `aurora insights apply ID` as a transaction, the healer's (FixTransaction: backup with a pending marker, commit
/// or restore byte for byte; healing.backups retention): edit the one node in the file that sets the value,
/// validate the merged config, reload, and verify the service healthy (running, without a health check) within
/// healing.verify_timeout — or restore the file and reload again. One apply at a time. Every outcome is an event
/// (`insight.applied`, `insight.rolled_back`, data.source `insights`) and so in history.
public sealed partial class InsightApplier(InsightApplySetup setup)
{
    public const string Source = "insights";

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// Throws InsightDeclinedException (nothing was changed) when the insight has no proposal, the files have
    /// changes not yet reloaded, or the edit cannot be made safely.
    public async Task<InsightOutcome> ApplyAsync(Insight insight, AuroraConfig running, string requestedBy, CancellationToken ct)
    {
        if (insight.Proposal is not { } proposal)
        {
            throw new InsightDeclinedException($"{insight.Id} is informational: it proposes no config change");
        }

        await _gate.WaitAsync(ct);
        try
        {
            Unchanged(running);
            var edit = ConfigEditor.Plan(running.Files, proposal);
            var instances = running.InstancesOf(insight.Service).Select(s => s.Name).ToList();
            if (instances.Select(setup.States.Get).FirstOrDefault(s => s?.State is ServiceState.Stopped or ServiceState.Stopping) is { } stopped)
            {
                throw new InsightDeclinedException($"{stopped.Name} is stopped; start it first, so the change can be verified");
            }

            var backup = $"insight-{setup.Time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
            FixTransaction tx;
            string real;
            try
            {
                real = new ProjectScope(setup.ProjectDirectory).Declared(edit.File);
                tx = FixTransaction.Begin(setup.BackupsDirectory, backup,
                    new FixManifest(backup, "insight:" + insight.Id, insight.Service, insight.Kind, FixManifest.Pending, []), [real], setup.ProjectDirectory, setup.Time);
            }
            catch (Exception e) when (e is UnsafePathException or IOException or UnauthorizedAccessException)
            {
                throw new InsightDeclinedException($"{edit.File} cannot be backed up: {e.Message}");
            }

            return await TransactAsync(insight, proposal, edit, real, tx, running, instances, requestedBy, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// The files must say what the daemon runs: a reload would otherwise apply someone's unfinished edit too.
    private static void Unchanged(AuroraConfig running)
    {
        var loaded = ConfigLoader.Load(running.Files, profiles: running.ActiveProfiles);
        if (loaded.Config is not { } onDisk)
        {
            var first = loaded.Diagnostics.FirstOrDefault(d => !d.IsWarning);
            throw new InsightDeclinedException($"the config files have errors now ({first}); fix them first");
        }

        var plan = ReloadPlanner.Plan(running, onDisk);
        if (!plan.ChangesNothing)
        {
            var what = plan.Added.Concat(plan.Removed).Concat(plan.Restarted.Concat(plan.Updated).Select(c => c.Service)).Concat(plan.Settings);
            throw new InsightDeclinedException($"the config files have changes not yet reloaded ({string.Join(", ", what.Distinct())}); run `aurora reload` first");
        }
    }

    private EventData Data(Insight insight, InsightProposal proposal, ConfigEdit edit, string backup, string requestedBy) => new EventData()
        .Add("id", insight.Id).Add("kind", insight.Kind).Add("file", Path.GetRelativePath(setup.ProjectDirectory, edit.File))
        .Add("path", proposal.KeyPath).Add("from", proposal.Current).Add("to", proposal.Proposed).Add("diff", edit.Diff)
        .Add("backup", backup).Add("source", Source).Add("requested_by", requestedBy);

    private static ImmutableArray<string> Restarted(InsightReload reload, IEnumerable<string> instances) =>
        [.. instances.Where(reload.Restarted.Contains)];
}
