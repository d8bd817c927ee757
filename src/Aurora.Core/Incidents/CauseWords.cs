using System.Collections.Immutable;
using Aurora.Core.Diagnosis;
using Aurora.Core.Supervision;

namespace Aurora.Core.Incidents;

/// The plain words of each SPEC §6 cause: how people say it, and the phrases its evidence usually holds.
/// The store indexes a cause together with these words, and a query that names a cause in plain words
/// ("port conflict") also matches its evidence ("Address already in use"). The evidence phrases double as
/// the keyword rules of the default classifier.
public static class CauseWords
{
    public static ImmutableArray<CauseInfo> All { get; } =
    [
        new(Causes.PortConflict, ["address already in use", "EADDRINUSE", "address in use"]),
        new(Causes.MissingDependency, ["command not found", "ModuleNotFoundError", "No module named", "Cannot find module",
            "module not found", "could not load file or assembly"]),
        new(Causes.PermissionDenied, ["permission denied", "EACCES", "operation not permitted"]),
        new(Causes.OutOfMemory, ["out of memory", "MemoryError", "cannot allocate memory", "OOM killer", "heap out of memory"]),
        new(Causes.DiskFull, ["no space left on device", "ENOSPC", "disk full", "disk quota exceeded"]),
        new(Causes.DependencyUnavailable, ["connection refused", "ECONNREFUSED", "could not connect", "dependency unavailable"]),
        new(Causes.Hang, ["timed out", "not responding", "deadlock", "hung"]),
        new(Causes.ConfigError, ["invalid configuration", "config error", "unknown option", "invalid option", "usage:"]),
        new(Causes.CrashLoop, ["restart limit", "quarantined", "crash loop", "crashing"]),
        new(Causes.Unknown, []),
    ];

    public static CauseInfo? Find(string cause) => All.FirstOrDefault(c => c.Name == cause);

    /// "port_conflict" → "port conflict".
    public static string PlainName(string cause) => cause.Replace('_', ' ');

    /// The text indexed next to a cause name: its plain name and its evidence phrases.
    public static string SearchText(string cause) =>
        Find(cause) is { } info ? info.PlainName + " " + string.Join(' ', info.Evidence) : PlainName(cause);

    /// The first cause whose evidence phrase one of the lines holds (case-insensitive), or null.
    public static string? MatchEvidence(IEnumerable<string> lines)
    {
        var text = string.Join('\n', lines);
        return All.FirstOrDefault(c => c.Evidence.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)))?.Name;
    }
}
