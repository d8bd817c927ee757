using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// Exit 127, a command that could not be spawned, or a module/library/assembly that is not installed.
public sealed partial class MissingDependencyClassifier : IFailureClassifier
{
    [GeneratedRegex(@"ModuleNotFoundError|No module named|ImportError|Cannot find module|MODULE_NOT_FOUND|command not found|: not found$|Could not load file or assembly|error while loading shared libraries|cannot open shared object file|Could not find or load main class", RegexOptions.CultureInvariant)]
    private static partial Regex Missing();

    public Diagnosis? Classify(FailureContext failure)
    {
        var lines = Evidence.Matching(failure.RecentLines, Missing());
        if (failure.SpawnError is { } spawn && failure.Exit?.ExitCode == 127)
        {
            return new Diagnosis(Causes.MissingDependency, 0.95, Evidence.With(spawn, lines), $"{failure.Service}'s command is not installed: {spawn}");
        }

        if (!lines.IsEmpty)
        {
            return new Diagnosis(Causes.MissingDependency, 0.9, lines, $"{failure.Service} is missing something it imports or runs: {lines[^1].Trim()}");
        }

        return failure.Exit?.ExitCode == 127
            ? new Diagnosis(Causes.MissingDependency, 0.8, Evidence.Tail(failure.RecentLines), $"{failure.Service} exited 127: a command it runs was not found")
            : null;
    }
}
