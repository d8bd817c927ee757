using System.Collections.Immutable;

namespace Aurora.Core.Diagnosis;

/// Runs every classifier and keeps the most confident verdict; `unknown` with the last lines when none
/// has anything to say. New causes are new classifiers: nothing here changes.
public sealed class Diagnoser(IEnumerable<IFailureClassifier> classifiers)
{
    private readonly ImmutableArray<IFailureClassifier> _classifiers = [.. classifiers];

    public static Diagnoser Default(IPortOwners ports) => new(
    [
        new HangClassifier(),
        new DependencyUnavailableClassifier(),
        new PortConflictClassifier(ports),
        new MissingDependencyClassifier(),
        new PermissionDeniedClassifier(),
        new DiskFullClassifier(),
        new OutOfMemoryClassifier(),
        new ConfigErrorClassifier(),
    ]);

    public Diagnosis Diagnose(FailureContext failure)
    {
        Diagnosis? best = null;
        foreach (var classifier in _classifiers)
        {
            if (classifier.Classify(failure) is { } d && (best is null || d.Confidence > best.Confidence))
            {
                best = d;
            }
        }

        best ??= new Diagnosis(Causes.Unknown, 0.1, Evidence.Tail(failure.RecentLines),
            failure.Exit is { } exit ? $"{failure.Service} ended ({exit}) without a recognised reason" : $"{failure.Service} failed without a recognised reason");

        // A reached restart limit is the incident's cause (it is what quarantined the service), but the
        // reason it kept dying is what a person needs next: keep it in the summary and the evidence.
        return failure.RestartLimitReached
            ? new Diagnosis(Causes.CrashLoop, 1.0, best.Evidence,
                $"{failure.Service} was quarantined after too many exits; the last one looks like {best.Cause}: {best.Summary}")
            : best;
    }
}
