using System.Collections.Immutable;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

public sealed partial class HealingEngine
{
    private static readonly TimeSpan RetryAfterRollback = TimeSpan.FromMinutes(10);

    private readonly Dictionary<(string Service, string Cause, string Fix), DateTimeOffset> _rolledBack = [];

    /// The verdict carried by the classifier's incident.diagnosed.
    internal static Diagnosis.Diagnosis VerdictOf(AuroraEvent diagnosed) => new(
        diagnosed.Data.GetProperty("cause").GetString()!,
        diagnosed.Data.GetProperty("confidence").GetDouble(),
        [.. diagnosed.Data.GetProperty("evidence").EnumerateArray().Select(x => x.GetString()!)],
        diagnosed.Data.GetProperty("summary").GetString()!);

    private async Task<HealOutcome> HealAsync(HealRequest request, CancellationToken ct)
    {
        var verdict = request.Verdict;
        var tried = new List<(string, string, string)>();
        HealOutcome Outcome() => new(request.Service, verdict.Cause, verdict.Summary, request.IncidentId, [.. tried]);
        var config = _setup.Orchestrator.Config;
        if ((!config.Healing.Enabled && !request.Manual) || _setup.Orchestrator.Find(request.Service) is not { } supervisor)
        {
            return Outcome();
        }

        var snapshot = supervisor.Snapshot;
        var context = new FixContext(supervisor.Config, verdict, _setup.ProjectDirectory, _setup.ProjectId, snapshot.Pid,
            request.IncidentId, request.Source, Quarantined: snapshot.State == ServiceState.Failed);
        var candidates = FixOrdering.Order(Catalog(supervisor, config), verdict.Cause, _setup.Records);
        if (candidates.Count == 0)
        {
            return Outcome();
        }

        // The loop guards (3 attempts an hour, no retry of a fix just rolled back) are for what Aurora does by
        // itself; a person asking for a heal gets one.
        if (!request.Manual && !_limiter.TryAcquire(supervisor.Name, verdict.Cause))
        {
            Skip(context, null, "rate limit: at most 3 fix attempts per hour for this service and cause");
            return Outcome();
        }

        foreach (var fix in candidates)
        {
            // A fix that was just rolled back for this service and cause is not tried again at once: the
            // failure that follows is usually the restart its own verification made.
            if (!request.Manual && _rolledBack.TryGetValue((supervisor.Name, verdict.Cause, fix.Name), out var when)
                && _setup.Time.GetUtcNow() - when < RetryAfterRollback)
            {
                var why = $"rolled back {(_setup.Time.GetUtcNow() - when).TotalSeconds:0}s ago; not retried within {RetryAfterRollback.TotalMinutes:0} minutes";
                Skip(context, fix.Name, why);
                tried.Add((fix.Name, "skipped", why));
                continue;
            }

            var (applies, reason) = fix.Check(context);
            if (!applies)
            {
                Skip(context, fix.Name, reason);
                tried.Add((fix.Name, "skipped", reason));
                continue;
            }

            var (ok, detail) = await AttemptAsync(supervisor, fix, context, config.Healing.VerifyTimeout, ct);
            tried.Add((fix.Name, ok ? "verified" : "rolled_back", detail));
            if (ok)
            {
                break;
            }
        }

        return Outcome();
    }

    /// One fix as a transaction: verified and committed, or rolled back, with the detail.
    private async Task<(bool Ok, string Detail)> AttemptAsync(ServiceSupervisor supervisor, IFix fix, FixContext context, TimeSpan verifyTimeout, CancellationToken ct)
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
            var why = $"not applied, its snapshot could not be taken: {ex.Message}";
            Skip(context, fix.Name, why);
            return (false, why);
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

            // A fix that held the service down starts it again whatever it did; a stopped or quarantined one is
            // started only for a fix that applied (one that did not changed nothing worth a retry).
            if (fix.HoldsServiceDown || (result.Applied && supervisor.Snapshot.State is ServiceState.Failed or ServiceState.Exited or ServiceState.Stopped))
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
            return (true, detail);
        }

        var (restored, removed, refused) = tx.Rollback();
        PruneBackups();
        var error = TryRecord(context.Verdict.Cause, fix.Name, worked: false);
        _rolledBack[(supervisor.Name, context.Verdict.Cause, fix.Name)] = _setup.Time.GetUtcNow();
        supervisor.Output.WriteNote($"[aurora] fix {fix.Name} rolled back ({restored} restored, {removed} removed): {detail}");
        _setup.Events.Publish(EventTypes.FixRolledBack, supervisor.Name, WithRecordError(Data(fixId, fix, context).Add("reason", detail)
            .Add("restored", restored).Add("removed", removed).Add("refused", refused).Add("duration_ms", took), error).Build());
        return (false, detail);
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

    private void Skip(FixContext context, string? fix, string reason) =>
        _setup.Events.Publish(EventTypes.FixSkipped, context.Service.Name, new EventData().Add("incident", context.IncidentId)
            .Add("cause", context.Verdict.Cause).Add("fix", fix).Add("reason", reason).Add("source", context.Source).Build());

    /// Every fix.* event names the incident it works on, and who asked (the healer itself, or a person).
    private static EventData Data(string fixId, IFix fix, FixContext context) => new EventData()
        .Add("fix_id", fixId).Add("incident", context.IncidentId).Add("fix", fix.Name).Add("cause", context.Verdict.Cause)
        .Add("user_defined", fix.IsUserDefined).Add("source", context.Source);
}
