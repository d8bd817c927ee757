using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Healing;
using Aurora.Core.Insights.Editing;
using Aurora.Core.Supervision;

namespace Aurora.Core.Insights;

public sealed partial class InsightApplier
{
    private async Task<InsightOutcome> TransactAsync(Insight insight, InsightProposal proposal, ConfigEdit edit, string real, FixTransaction tx,
        AuroraConfig running, IReadOnlyList<string> instances, string requestedBy, CancellationToken ct)
    {
        var pids = instances.ToDictionary(n => n, n => setup.States.Get(n)?.Pid);
        string? why;
        try
        {
            Write(real, edit.After.Bytes());
            why = await VerifyAsync(insight.Service, running, pids, ct);
        }
        catch (Exception e)
        {
            // Whatever went wrong (a cancelled request too), the file goes back.
            why = e is OperationCanceledException ? "the request was cancelled" : e.Message;
        }

        var data = Data(insight, proposal, edit, tx.FixId, requestedBy);
        if (why is null)
        {
            tx.Commit();
            Prune(running);
            var applied = $"{proposal.KeyPath} {proposal.Current ?? "(unset)"} → {proposal.Proposed ?? "(removed)"}; {insight.Service} verified";
            setup.Events.Publish(EventTypes.InsightApplied, insight.Service, data.Add("detail", applied).Build());
            return new InsightOutcome(insight.Id, insight.Service, true, edit.File, edit.Diff, applied, tx.FixId);
        }

        var (restored, _, refused) = tx.Rollback();
        var reload = await setup.Reload(CancellationToken.None);
        Prune(running);
        var detail = $"{why}; {Path.GetFileName(edit.File)} restored and reloaded"
            + (reload.Config is null ? $" (the reload failed: {string.Join("; ", reload.Errors)})" : "");
        setup.Events.Publish(EventTypes.InsightRolledBack, insight.Service, data.Add("reason", why).Add("detail", detail).Add("restored", restored)
            .Add("refused", refused).Add("reload_errors", reload.Errors).Build());
        return new InsightOutcome(insight.Id, insight.Service, false, edit.File, edit.Diff, detail, tx.FixId);
    }

    /// Null when the edited files validate, reload, and every instance of the service comes up and stays up
    /// (a restarted one with a new process); else why not.
    private async Task<string?> VerifyAsync(string service, AuroraConfig running, IReadOnlyDictionary<string, int?> pids, CancellationToken ct)
    {
        var loaded = ConfigLoader.Load(running.Files, profiles: running.ActiveProfiles);
        if (loaded.Config is null)
        {
            return $"the edited config does not validate: {string.Join("; ", loaded.Diagnostics.Where(d => !d.IsWarning))}";
        }

        var reload = await setup.Reload(ct);
        if (reload.Config is not { } next)
        {
            return $"the reload rejected it: {string.Join("; ", reload.Errors)}";
        }

        var restarted = Restarted(reload, pids.Keys);
        var waiter = new ServiceWaiter(setup.States, setup.Time);
        var checks = next.InstancesOf(service).Select(async instance =>
        {
            if (setup.States.Get(instance.Name)?.State is ServiceState.Failed)
            {
                await setup.Start(instance.Name);
            }

            var old = restarted.Contains(instance.Name) ? pids.GetValueOrDefault(instance.Name) : null;
            var (ok, why) = await waiter.UpAsync(instance, next.Healing.VerifyTimeout, ct, old);
            return ok ? null : why;
        });
        return (await Task.WhenAll(checks)).FirstOrDefault(w => w is not null);
    }

    /// Written beside the file and renamed over it (a reader never sees half a file), with the file's mode.
    private static void Write(string path, byte[] bytes)
    {
        var temp = $"{path}.aurora-edit-{Guid.NewGuid():N}";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private void Prune(AuroraConfig config)
    {
        try
        {
            new BackupPruner(setup.BackupsDirectory, config.Healing.Backups, setup.Time).Prune();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Retried after the next fix or insight; the outcome stands.
        }
    }
}
