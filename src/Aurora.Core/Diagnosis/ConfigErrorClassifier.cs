using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// Exits at once with a usage or configuration complaint: retrying will not help.
public sealed partial class ConfigErrorClassifier : IFailureClassifier
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(3);

    [GeneratedRegex(@"^usage:|\busage:|unrecognized arguments|invalid option|unknown option|invalid (config|configuration|value)|config(uration)? (error|file)|missing required|is required|must be set|KeyError|environment variable", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Usage();

    public Diagnosis? Classify(FailureContext failure)
    {
        if (failure.Exit is not { ExitCode: > 0 } exit || failure.Uptime > Quick)
        {
            return null;
        }

        var lines = Evidence.Matching(failure.RecentLines, Usage());
        if (!lines.IsEmpty)
        {
            return new Diagnosis(Causes.ConfigError, 0.75, lines, $"{failure.Service} rejected its arguments or configuration: {lines[^1].Trim()}");
        }

        // EX_USAGE (64) and EX_CONFIG (78) from sysexits.h say so themselves.
        return exit.ExitCode is 64 or 78 or 2
            ? new Diagnosis(Causes.ConfigError, 0.5, Evidence.Tail(failure.RecentLines), $"{failure.Service} exited at once with {exit}")
            : null;
    }
}
