using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// Asking for a diagnosis of a failure, and acting on the verdict.
public static partial class Transitions
{
    /// hungDetail is set when the supervisor killed the process as hung (the last health result).
    private static void RequestDiagnosis(DecisionBuilder d, ExitStatus status, TimeSpan uptime, string? spawnError, string? hungDetail,
        bool waitForOutput, int? pid = null)
    {
        if (!d.State.Wanted && d.Service.State != ServiceState.Failed)
        {
            return;
        }

        d.Do(new SupervisorEffect.Diagnose(new FailureContext(d.Config.Name, status, uptime, [], d.Config.Ports, spawnError,
            KilledAsHung: hungDetail is not null,
            HealthDetail: hungDetail,
            RestartLimitReached: d.Service.State == ServiceState.Failed,
            DependencyDown: d.Service.State == ServiceState.Degraded ? d.Service.Reason : null,
            MemoryLimitBytes: d.Config.Limits.MemoryBytes, LastMemoryBytes: d.State.MemoryAtKill, Pid: pid), waitForOutput));
    }

    private static void OnDiagnosed(DecisionBuilder d, Diagnosis.Diagnosis verdict)
    {
        // The episode keeps its first specific cause; the event still says what the classifier found this time.
        if (Specific(d.State.EpisodeCause) is null && Specific(verdict.Cause) is not null)
        {
            d.State = d.State with { EpisodeCause = verdict.Cause };
        }

        var kept = EpisodeCause(d) ?? (d.Service.State == ServiceState.Failed ? Causes.CrashLoop : verdict.Cause);
        d.Publish(d.Service with { LastCause = kept }, EventTypes.IncidentDiagnosed, EventFields.Of(
            ("cause", verdict.Cause), ("confidence", verdict.Confidence), ("summary", verdict.Summary), ("evidence", verdict.Evidence)));
        d.Note($"[aurora] diagnosis: {verdict.Cause} ({verdict.Confidence:0.00}): {verdict.Summary}");

        // SPEC §6: connection refused to an address that is not the service's own. Its exits wait for the address
        // instead of counting toward the restart limit; once it answers, the service starts again.
        if (verdict.Cause == Causes.DependencyUnavailable && verdict.WaitFor is { } address && d.State.Wanted)
        {
            WaitForAddress(d, address);
            return;
        }

        // SPEC §6: a config error gets no blind retry. Hold it quarantined with its evidence.
        if (verdict.Cause == Causes.ConfigError && verdict.Confidence >= 0.7 && d.Service.State == ServiceState.Backoff)
        {
            CancelBackoff(d);
            d.Publish(d.Service with { State = ServiceState.Failed, NextRestartAt = null }, EventTypes.ServiceFailed,
                EventFields.Of(("cause", Causes.ConfigError), ("summary", verdict.Summary)));
            PauseSchedule(d, Quarantined);
        }
    }
}
