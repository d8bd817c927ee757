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

        // Reaching the restart limit is a state (quarantine), not a cause: the reason it kept dying is what a
        // person needs next. crash_loop only when nothing more specific is known.
        if (!failure.RestartLimitReached)
        {
            return best;
        }

        return best.Cause == Causes.Unknown
            ? new Diagnosis(Causes.CrashLoop, 0.5, best.Evidence, $"{failure.Service} was quarantined after too many exits, without a recognised reason")
            : best with { Summary = $"{best.Summary} (quarantined after too many exits)" };
    }
}
