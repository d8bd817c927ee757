using System.Collections.Immutable;

namespace Aurora.Core.Diagnosis;

/// Runs every classifier over the output that can explain the failure (FailureOutput.Relevant: the last
/// run, after it last said it was up) and keeps the most confident verdict; `unknown` with the last lines
/// when none has anything to say. New causes are new classifiers: nothing here changes.
public sealed class Diagnoser(IEnumerable<IFailureClassifier> classifiers)
{
    private readonly ImmutableArray<IFailureClassifier> _classifiers = [.. classifiers];

    /// The classifiers with this machine's port table and kernel log.
    public static Diagnoser Default(IPortOwners ports) => Default(ports, new KernelOomLog(TimeProvider.System));

    public static Diagnoser Default(IPortOwners ports, IOomKills kernel) => new(
    [
        new HangClassifier(),
        new DependencyUnavailableClassifier(),
        new PortConflictClassifier(ports),
        new MissingDependencyClassifier(),
        new PermissionDeniedClassifier(),
        new DiskFullClassifier(),
        new OutOfMemoryClassifier(kernel),
        new ConfigErrorClassifier(),
    ]);

    public Diagnosis Diagnose(FailureContext failure)
    {
        var ended = failure.Exit is not null;
        var relevant = failure with { RecentLines = FailureOutput.Relevant(failure.RecentLines, ended) };
        Diagnosis? best = null;
        foreach (var classifier in _classifiers)
        {
            if (classifier.Classify(relevant) is { } d && (best is null || d.Confidence > best.Confidence))
            {
                best = d;
            }
        }

        if (best is not null)
        {
            // SPEC §6: a reached restart limit is a state, not a cause; the episode keeps its specific cause.
            return failure.RestartLimitReached ? best with { Summary = $"{best.Summary}; quarantined after too many exits" } : best;
        }

        var tail = Evidence.Tail(FailureOutput.LastRun(failure.RecentLines, ended));
        var how = failure.Exit is { } exit ? $"ended ({exit})" : "failed";
        return failure.RestartLimitReached
            ? new Diagnosis(Causes.CrashLoop, 0.5, tail, $"{failure.Service} {how} again and was quarantined after too many exits; no more specific cause was found")
            : new Diagnosis(Causes.Unknown, 0.1, tail, $"{failure.Service} {how} without a recognised reason");
    }
}
