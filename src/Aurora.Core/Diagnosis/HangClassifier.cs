
namespace Aurora.Core.Diagnosis;

/// The health check kept failing while the process lived, so the supervisor killed it.
public sealed class HangClassifier : IFailureClassifier
{
    public Diagnosis? Classify(FailureContext failure) => failure.KilledAsHung
        ? new Diagnosis(Causes.Hang, 0.95, Evidence.With($"health check: {failure.HealthDetail ?? "failing"} while the process was alive", Evidence.Tail(failure.RecentLines, 3)),
            $"{failure.Service} stopped answering its health check while its process lived; it was killed and restarted")
        : null;
}
