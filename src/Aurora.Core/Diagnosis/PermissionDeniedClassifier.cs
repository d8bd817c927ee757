using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// Exit 126 (found but not executable), EACCES from the service or from a script it runs (a start script
/// calling a project tool that lost its execute bit), or a privilege drop that fails (EPERM). The verdict
/// carries the paths the evidence names (Diagnosis.Paths), for a fix that restores an execute bit.
public sealed partial class PermissionDeniedClassifier : IFailureClassifier
{
    [GeneratedRegex(@"EACCES|[Pp]ermission denied|Errno 13\b|Operation not permitted|EPERM|UnauthorizedAccessException|Access to the path .* is denied|AccessDeniedException",
        RegexOptions.CultureInvariant)]
    private static partial Regex Denied();

    [GeneratedRegex(@"\b(setuid|setgid|setgroups|initgroups|setresuid|setresgid|seteuid|setegid|setreuid|setregid)\b|privilege", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PrivilegeChange();

    public Diagnosis? Classify(FailureContext failure)
    {
        var lines = Evidence.Matching(failure.RecentLines, Denied());
        var spawnDenied = failure.SpawnError is { } s && s.Contains("ermission", StringComparison.Ordinal);
        if (failure.Exit?.ExitCode == 126 || spawnDenied)
        {
            var evidence = failure.SpawnError is { } spawn ? Evidence.With(spawn, lines) : lines.IsEmpty ? Evidence.Tail(failure.RecentLines) : lines;
            var paths = NamedPaths(evidence);
            var what = paths.IsEmpty ? "a program it runs" : string.Join(", ", paths);
            return new Diagnosis(Causes.PermissionDenied, 0.9, evidence, $"{failure.Service} could not execute {what}: permission denied (exit 126)") { Paths = paths };
        }

        if (lines.IsEmpty)
        {
            return null;
        }

        var named = NamedPaths(lines);
        var summary = failure.RecentLines.Any(l => PrivilegeChange().IsMatch(l))
            ? $"{failure.Service} could not change its user or group (privilege drop failed): {Evidence.Last(lines)}"
            : $"{failure.Service} was denied access: {Evidence.Last(lines)}";
        return new Diagnosis(Causes.PermissionDenied, 0.8, lines, summary) { Paths = named };
    }

    /// The files that permission-denied lines name, in the shapes sh, bash, Python, Node, .NET and Aurora's
    /// own spawn error print them; in order, without duplicates.
    public static ImmutableArray<string> NamedPaths(IEnumerable<string> evidence) =>
        [.. evidence.SelectMany(l => PathPatterns().Matches(l)).Select(m => m.Groups["path"].Value.Trim())
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal)];

    // "start.sh: 4: ./bin/migrate: Permission denied" (dash), "start.sh: line 4: ./bin/migrate: Permission denied" (bash),
    // "PermissionError: [Errno 13] Permission denied: './bin/migrate'", "Error: spawn ./bin/migrate EACCES",
    // "Error: EACCES: permission denied, open 'data/app.db'", "cannot start './run.sh': Permission denied",
    // "Access to the path '/srv/app/data' is denied."
    [GeneratedRegex(@"(?:^|: )(?:line \d+: )?(?<path>[^\s:'""]+): Permission denied$|[Pp]ermission denied: '(?<path>[^']+)'|spawn (?<path>\S+) EACCES|EACCES: permission denied, \w+ '(?<path>[^']+)'|cannot start '(?<path>[^']+)': Permission denied|Access to the path '(?<path>[^']+)' is denied",
        RegexOptions.CultureInvariant)]
    private static partial Regex PathPatterns();
}
