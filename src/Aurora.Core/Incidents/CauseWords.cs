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
        new(Causes.PortConflict, ["address already in use", "EADDRINUSE", "address in use", "port is already allocated"]),
        new(Causes.MissingDependency, ["command not found", "ModuleNotFoundError", "No module named", "Cannot find module",
            "module not found", "could not load file or assembly", "error while loading shared libraries",
            "cannot open shared object file", "Cannot find package", "ERR_MODULE_NOT_FOUND", "required file not found", "bad interpreter"]),
        new(Causes.PermissionDenied, ["permission denied", "EACCES", "operation not permitted", "EPERM"]),
        new(Causes.OutOfMemory, ["out of memory", "MemoryError", "cannot allocate memory", "OOM killer", "heap out of memory",
            "OutOfMemoryError", "OutOfMemoryException", "Reached heap limit"]),
        new(Causes.DiskFull, ["no space left on device", "ENOSPC", "disk full", "disk quota exceeded"]),
        new(Causes.DependencyUnavailable, ["connection refused", "ECONNREFUSED", "could not connect", "couldn't connect to server",
            "failed to connect to", "dependency unavailable"]),
        new(Causes.Hang, ["timed out", "not responding", "deadlock", "hung"]),
        new(Causes.ConfigError, ["invalid configuration", "config error", "unknown option", "invalid option", "usage:",
            "FATAL CONFIG FILE ERROR", "Bad directive", "unknown directive"]),
        new(Causes.CrashLoop, ["restart limit", "quarantined", "crash loop", "crashing"]),
        new(Causes.Unknown, []),
    ];

    public static CauseInfo? Find(string cause) => All.FirstOrDefault(c => c.Name == cause);

    /// "port_conflict" → "port conflict".
    public static string PlainName(string cause) => cause.Replace('_', ' ');

    /// The text indexed next to a cause name: its plain name and its evidence phrases.
    public static string SearchText(string cause) =>
        Find(cause) is { } info ? info.PlainName + " " + string.Join(' ', info.Evidence) : PlainName(cause);

    /// The cause whose evidence phrase the newest line that holds one holds (case-insensitive), or null: the
    /// last error a program printed is the one it died of.
    public static string? MatchEvidence(IEnumerable<string> lines) =>
        lines.Reverse().Select(line => All.FirstOrDefault(c => c.Evidence.Any(p => line.Contains(p, StringComparison.OrdinalIgnoreCase)))?.Name)
            .FirstOrDefault(cause => cause is not null);
}
