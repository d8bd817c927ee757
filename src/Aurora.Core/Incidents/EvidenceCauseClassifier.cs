using Aurora.Core.Diagnosis;
using Aurora.Core.Supervision;

namespace Aurora.Core.Incidents;

/// The default classifier until a real diagnosis exists: the cause the event names, else a cause whose
/// evidence phrase the output shows (CauseWords), else the supervisor's last recorded cause, else unknown.
public sealed class EvidenceCauseClassifier : ICauseClassifier
{
    public static EvidenceCauseClassifier Instance { get; } = new();

    public string Classify(CauseContext context) =>
        IncidentRules.CauseOf(context.Event)
        ?? CauseWords.MatchEvidence(context.Evidence)
        ?? context.LastCause
        ?? Causes.Unknown;
}
