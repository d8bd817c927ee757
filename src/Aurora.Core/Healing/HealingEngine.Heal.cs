using System.Collections.Immutable;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

public sealed partial class HealingEngine
{
    private static readonly TimeSpan RetryAfterRollback = TimeSpan.FromMinutes(10);

    private readonly Dictionary<(string Service, string Cause, string Fix), DateTimeOffset> _rolledBack = [];

    private async Task HealAsync(AuroraEvent diagnosed, CancellationToken ct)
    {
        var config = _setup.Orchestrator.Config;
        if (!config.Healing.Enabled || _setup.Orchestrator.Find(diagnosed.Service!) is not { } supervisor)
        {
            return;
        }

        var verdict = new Diagnosis.Diagnosis(
            diagnosed.Data.GetProperty("cause").GetString()!,
            diagnosed.Data.GetProperty("confidence").GetDouble(),
            [.. diagnosed.Data.GetProperty("evidence").EnumerateArray().Select(x => x.GetString()!)],
            diagnosed.Data.GetProperty("summary").GetString()!);
        var context = new FixContext(supervisor.Config, verdict, _setup.ProjectDirectory, _setup.ProjectId, supervisor.Snapshot.Pid);
        var candidates = FixOrdering.Order(Catalog(supervisor, config), verdict.Cause, _setup.Records);
        if (candidates.Count == 0)
        {
            return;
        }

        if (!_limiter.TryAcquire(supervisor.Name, verdict.Cause))
        {
            Skip(supervisor.Name, verdict.Cause, null, "rate limit: at most 3 fix attempts per hour for this service and cause");
            return;
        }

        foreach (var fix in candidates)
        {
            // A fix that was just rolled back for this service and cause is not tried again at once: the
            // failure that follows is usually the restart its own verification made.
            if (_rolledBack.TryGetValue((supervisor.Name, verdict.Cause, fix.Name), out var when)
                && _setup.Time.GetUtcNow() - when < RetryAfterRollback)
            {
                Skip(supervisor.Name, verdict.Cause, fix.Name, $"rolled back {(_setup.Time.GetUtcNow() - when).TotalSeconds:0}s ago; not retried within {RetryAfterRollback.TotalMinutes:0} minutes");
                continue;
            }

            var (applies, reason) = fix.Check(context);
            if (!applies)
            {
                Skip(supervisor.Name, verdict.Cause, fix.Name, reason);
                continue;
            }

            if (await AttemptAsync(supervisor, fix, context, config.Healing.VerifyTimeout, ct))
            {
                return;
            }
        }
    }

    /// One fix as a transaction. True when verified and committed.
    private async Task<bool> AttemptAsync(ServiceSupervisor supervisor, IFix fix, FixContext context, TimeSpan verifyTimeout, CancellationToken ct)
    {
        var fixId = $"fix-{_setup.Time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var started = _setup.Time.GetTimestamp();
        var touches = fix.Touches(context);
        FixTransaction tx;
        try
        {
            tx = FixTransaction.Begin(_setup.BackupsDirectory, fixId, fix, context, _setup.Time);
        }
        catch (Exception ex) when (ex is UnsafePathException or IOException or UnauthorizedAccessException)
        {
            Skip(supervisor.Name, context.Verdict.Cause, fix.Name, $"not applied, its snapshot could not be taken: {ex.Message}");
            return false;
        }

        _setup.Events.Publish(EventTypes.FixStarted, supervisor.Name, Data(fixId, fix, context).Add("touches", touches).Build());
        string detail;
        bool ok;
        try
        {
            if (fix.HoldsServiceDown)
            {
                await supervisor.StopAsync();
            }

            var result = await fix.ApplyAsync(context, ct);
            detail = result.Detail;
            if (fix.HoldsServiceDown || supervisor.Snapshot.State is ServiceState.Failed or ServiceState.Exited or ServiceState.Stopped)
            {
                await supervisor.StartAsync();
            }

            (ok, var why) = result.Applied ? await VerifyAsync(supervisor, fix, verifyTimeout, ct) : (false, result.Detail);
            detail = ok ? detail : why;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            (ok, detail) = (false, ex.Message);
        }

        // The outcome is made final first (commit, or roll back), and only then recorded: recording may fail
        // (a full disk), and that must cost the statistics, never the fix.
        var took = (long)_setup.Time.GetElapsedTime(started).TotalMilliseconds;
        if (ok)
        {
            tx.Commit();
            PruneBackups();
            var recordError = TryRecord(context.Verdict.Cause, fix.Name, worked: true);
            supervisor.Output.WriteNote($"[aurora] fix {fix.Name} verified in {took} ms: {detail}");
            _setup.Events.Publish(EventTypes.FixVerified, supervisor.Name, WithRecordError(Data(fixId, fix, context).Add("detail", detail)
                .Add("duration_ms", took), recordError).Build());
            return true;
        }

        var (restored, removed, refused) = tx.Rollback();
        PruneBackups();
        var error = TryRecord(context.Verdict.Cause, fix.Name, worked: false);
        _rolledBack[(supervisor.Name, context.Verdict.Cause, fix.Name)] = _setup.Time.GetUtcNow();
        supervisor.Output.WriteNote($"[aurora] fix {fix.Name} rolled back ({restored} restored, {removed} removed): {detail}");
        _setup.Events.Publish(EventTypes.FixRolledBack, supervisor.Name, WithRecordError(Data(fixId, fix, context).Add("reason", detail)
            .Add("restored", restored).Add("removed", removed).Add("refused", refused).Add("duration_ms", took), error).Build());
        return false;
    }

    private BackupPruner Backups(Config.AuroraConfig config) => new(_setup.BackupsDirectory, config.Healing.Backups, _setup.Time);

    /// healing.backups, after a fix has ended; a failure here is retried after the next one.
    private void PruneBackups()
    {
        try
        {
            Backups(_setup.Orchestrator.Config).Prune();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static EventData WithRecordError(EventData data, string? error) => error is null ? data : data.Add("record_error", error);

    /// Null when the outcome was recorded, otherwise why not.
    private string? TryRecord(string cause, string fix, bool worked)
    {
        try
        {
            _setup.Records.Record(cause, fix, worked);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    private IEnumerable<IFix> Catalog(ServiceSupervisor supervisor, Config.AuroraConfig config)
    {
        var service = supervisor.Config;
        var timeout = config.Healing.VerifyTimeout * 10;
        foreach (var (spec, i) in service.Fixes.Select((f, i) => (f, i)))
        {
            yield return new UserDefinedFix(spec, i, _setup.Runner, supervisor.Output, timeout);
        }

        yield return new RunInstallFix(_setup.Runner, supervisor.Output, timeout);
        yield return new RestoreExecBitFix();
        yield return new StopStaleInstanceFix(_setup.Ports, _setup.Time);
        yield return new RestartFix(Causes.Hang);
        yield return new RestartFix(Causes.OutOfMemory);
        yield return new CleanDiskFix(_setup.LogDirectory, config.Maintenance, Backups(config), _setup.Time);
    }

    private void Skip(string service, string cause, string? fix, string reason) =>
        _setup.Events.Publish(EventTypes.FixSkipped, service, new EventData().Add("cause", cause).Add("fix", fix).Add("reason", reason).Build());

    private static EventData Data(string fixId, IFix fix, FixContext context) => new EventData()
        .Add("fix_id", fixId).Add("fix", fix.Name).Add("cause", context.Verdict.Cause).Add("user_defined", fix.IsUserDefined);
}
