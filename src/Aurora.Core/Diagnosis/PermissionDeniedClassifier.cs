using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// Exit 126 (found but not executable), or EACCES in the output.
public sealed partial class PermissionDeniedClassifier : IFailureClassifier
{
    [GeneratedRegex(@"EACCES|[Pp]ermission denied|Errno 13|Operation not permitted|EPERM", RegexOptions.CultureInvariant)]
    private static partial Regex Denied();

    public Diagnosis? Classify(FailureContext failure)
    {
        var lines = Evidence.Matching(failure.RecentLines, Denied());
        if (failure.Exit?.ExitCode == 126 || (failure.SpawnError is { } s && s.Contains("ermission", StringComparison.Ordinal)))
        {
            return new Diagnosis(Causes.PermissionDenied, 0.9, failure.SpawnError is { } spawn ? Evidence.With(spawn, lines) : lines,
                $"{failure.Service}'s program is not executable (exit 126)");
        }

        return lines.IsEmpty ? null : new Diagnosis(Causes.PermissionDenied, 0.8, lines, $"{failure.Service} was denied access: {lines[^1].Trim()}");
    }
}
