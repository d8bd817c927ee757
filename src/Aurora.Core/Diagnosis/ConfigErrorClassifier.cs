using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// Exits at once with a usage or configuration complaint — a bad redis or nginx directive, an argparse
/// usage error (exit 2), a required environment variable that is missing: retrying will not help.
public sealed partial class ConfigErrorClassifier : IFailureClassifier
{
    /// How soon after its start an exit counts as "at once" (generous: a loaded machine starts a JVM slowly).
    public static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    [GeneratedRegex(@"^usage:|\busage:|unrecognized arguments|unrecognized option|invalid option|unknown option|invalid argument|invalid (config|configuration|value)|config(uration)? (error|file)|FATAL CONFIG FILE ERROR|Bad directive|^>>> '|\[emerg\].*(unknown directive|unexpected ""|directive is not|is not allowed|invalid|no ""\w+"" section|not terminated|host not found|unknown ""|getpwnam)|missing required|is required|are required|must be set|is not set|environment variable",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Usage();

    /// Python's KeyError from os.environ["NAME"]: the frame "<frozen os>" / "os.py" says it was the environment.
    [GeneratedRegex(@"^KeyError: '[A-Z][A-Z0-9_]*'$", RegexOptions.CultureInvariant)]
    private static partial Regex MissingEnv();

    [GeneratedRegex(@"<frozen os>|/os\.py""|environ\[", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironFrame();

    public Diagnosis? Classify(FailureContext failure)
    {
        if (failure.Exit is not { ExitCode: > 0 } exit || failure.Uptime > Quick)
        {
            return null;
        }

        var lines = Evidence.Matching(failure.RecentLines, Usage());
        if (lines.IsEmpty && failure.RecentLines.Any(l => EnvironFrame().IsMatch(l)))
        {
            lines = Evidence.Matching(failure.RecentLines, MissingEnv(), 1);
        }

        if (!lines.IsEmpty)
        {
            return new Diagnosis(Causes.ConfigError, 0.75, lines, $"{failure.Service} rejected its arguments or configuration: {Evidence.Last(lines)}");
        }

        // EX_USAGE (64) and EX_CONFIG (78) from sysexits.h say so themselves, and 2 is the usual usage exit.
        return exit.ExitCode is 64 or 78 or 2
            ? new Diagnosis(Causes.ConfigError, 0.5, Evidence.Tail(failure.RecentLines), $"{failure.Service} exited at once with {exit}")
            : null;
    }
}
