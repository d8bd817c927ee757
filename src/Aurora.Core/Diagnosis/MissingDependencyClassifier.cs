using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// Exit 127, a command that could not be spawned (by Aurora, by sh or env, by a shebang whose interpreter
/// is gone, by the program itself: ENOENT from spawn), or a module, package, shared library or assembly
/// that is not installed (Python, Node, the dynamic linker, .NET, Java), or a missing virtualenv.
public sealed partial class MissingDependencyClassifier : IFailureClassifier
{
    [GeneratedRegex(@"ModuleNotFoundError|No module named|ImportError|Cannot find module|Cannot find package|ERR_MODULE_NOT_FOUND|MODULE_NOT_FOUND|command not found|: not found$|required file not found|^env: .+: No such file or directory|spawn \S+ ENOENT|Could not load file or assembly|FileNotFoundException: .*assembly|DllNotFoundException|error while loading shared libraries|cannot open shared object file|Could not find or load main class|NoClassDefFoundError|ClassNotFoundException|You must install or update \.NET|The application to execute does not exist|bad interpreter",
        RegexOptions.CultureInvariant)]
    private static partial Regex Missing();

    /// Python's subprocess raises a plain FileNotFoundError for a program it cannot find; only the frames
    /// that say it came from spawning tell it apart from a missing data file.
    [GeneratedRegex(@"in _execute_child|raise child_exception_type", RegexOptions.CultureInvariant)]
    private static partial Regex PythonSpawn();

    [GeneratedRegex(@"^(FileNotFoundError|PermissionError|OSError): \[Errno 2\] No such file or directory: '[^']+'$", RegexOptions.CultureInvariant)]
    private static partial Regex PythonNoSuchFile();

    public Diagnosis? Classify(FailureContext failure)
    {
        var lines = Evidence.Matching(failure.RecentLines, Missing());
        if (lines.IsEmpty && failure.RecentLines.Any(l => PythonSpawn().IsMatch(l)))
        {
            lines = Evidence.Matching(failure.RecentLines, PythonNoSuchFile(), 1);
        }

        if (failure.SpawnError is { } spawn && failure.Exit?.ExitCode == 127)
        {
            return new Diagnosis(Causes.MissingDependency, 0.95, Evidence.With(spawn, lines), $"{failure.Service}'s command could not be run: {spawn}");
        }

        if (!lines.IsEmpty)
        {
            return new Diagnosis(Causes.MissingDependency, 0.9, lines, $"{failure.Service} is missing something it imports or runs: {Evidence.Last(lines)}");
        }

        return failure.Exit?.ExitCode == 127
            ? new Diagnosis(Causes.MissingDependency, 0.8, Evidence.Tail(failure.RecentLines), $"{failure.Service} exited 127: a command it runs was not found")
            : null;
    }
}
