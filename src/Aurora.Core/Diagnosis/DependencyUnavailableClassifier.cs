using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// A dependency is down (the supervisor's gate says so), or the output shows refused connections.
public sealed partial class DependencyUnavailableClassifier : IFailureClassifier
{
    [GeneratedRegex(@"ECONNREFUSED|[Cc]onnection refused|Errno 111|could not connect to server", RegexOptions.CultureInvariant)]
    private static partial Regex Refused();

    public Diagnosis? Classify(FailureContext failure)
    {
        if (failure.DependencyDown is { } reason)
        {
            return new Diagnosis(Causes.DependencyUnavailable, 0.9, Evidence.With(reason, Evidence.Matching(failure.RecentLines, Refused(), 3)),
                $"{failure.Service} depends on a service that is down ({reason})");
        }

        var refused = Evidence.Matching(failure.RecentLines, Refused());
        return refused.IsEmpty ? null : new Diagnosis(Causes.DependencyUnavailable, 0.6, refused,
            $"{failure.Service} could not connect to something it needs");
    }
}
