using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

public sealed partial class ServiceSupervisor
{
    private static readonly TimeSpan DrainWait = TimeSpan.FromMilliseconds(500);

    /// Diagnoses an unexpected exit off the loop, after the last output has arrived (bounded), so that the
    /// restart itself is never delayed by it. The verdict comes back to the loop as a message.
    /// hungDetail is set when the supervisor killed the process as hung (the last health result).
    private void Diagnose(ExitStatus status, TimeSpan uptime, string? spawnError, Task drained, string? hungDetail = null)
    {
        if (_ctx.Diagnoser is not { } diagnoser || (!_wanted && _snapshot.State != ServiceState.Failed))
        {
            return;
        }

        var secrets = _config.Environment.Where(kv => Secrets.IsSecretName(kv.Key)).Select(kv => kv.Value).ToList();
        var failure = new FailureContext(_config.Name, status, uptime, [], _config.Ports, spawnError,
            KilledAsHung: hungDetail is not null,
            HealthDetail: hungDetail,
            RestartLimitReached: _snapshot.State == ServiceState.Failed,
            DependencyDown: _snapshot.State == ServiceState.Degraded ? _snapshot.Reason : null,
            MemoryLimitBytes: _config.Limits.MemoryBytes);
        _ = Task.Run(async () =>
        {
            await drained.WaitAsync(DrainWait, _ctx.Time).ContinueWith(_ => { }, TaskScheduler.Default);
            var lines = _output.RecentLines(50).Select(l => Secrets.Scrub(l, secrets));
            var verdict = diagnoser.Diagnose(failure with { RecentLines = [.. lines] });
            _inbox.Writer.TryWrite(new SupervisorCommand.Diagnosed(verdict));
        });
    }

    private void OnDiagnosed(Diagnosis.Diagnosis verdict)
    {
        Publish(_snapshot with { LastCause = verdict.Cause }, EventTypes.IncidentDiagnosed, new EventData()
            .Add("cause", verdict.Cause).Add("confidence", verdict.Confidence).Add("summary", verdict.Summary)
            .Add("evidence", verdict.Evidence));
        _output.WriteNote($"[aurora] diagnosis: {verdict.Cause} ({verdict.Confidence:0.00}): {verdict.Summary}");

        // SPEC §6: a config error gets no blind retry. Hold it quarantined with its evidence.
        if (verdict.Cause == Causes.ConfigError && verdict.Confidence >= 0.7 && _snapshot.State == ServiceState.Backoff)
        {
            CancelBackoff();
            Publish(_snapshot with { State = ServiceState.Failed, NextRestartAt = null }, EventTypes.ServiceFailed,
                new EventData().Add("cause", Causes.ConfigError).Add("summary", verdict.Summary));
        }
    }
}
