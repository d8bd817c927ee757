using System.Collections.Immutable;
using Aurora.Core.Diagnosis;
using Aurora.Core.Incidents;

namespace Aurora.Core.Ask;

/// How people name each SPEC §6 cause: its plain name ("port conflict"), its own name ("port_conflict"), the
/// evidence phrases CauseWords knows ("address already in use") and everyday words ("oom", "stuck"). An
/// evidence phrase made only of words that say something else ("crashing") does not name a cause.
internal static class CausePhrases
{
    private static readonly (string Cause, string Phrases)[] Everyday =
    [
        (Causes.PortConflict, "port clash|port in use|port taken|port already in use|port collision|port conflicts|port|ports|bind error"),
        (Causes.MissingDependency, "missing module|missing package|missing library|missing dep|missing deps|missing dependencies|module not found|not installed|import error"),
        (Causes.PermissionDenied, "permissions|permission|access denied|not executable|eacces"),
        (Causes.OutOfMemory, "oom|oom kill|oom killed|ran out of memory|run out of memory|runs out of memory|memory error|memory limit"),
        (Causes.Hang, "hang|hangs|hanging|frozen|freeze|freezes|stuck|unresponsive|timeout|timeouts|time out"),
        (Causes.DependencyUnavailable, "dependency down|dependency unavailable|unreachable dependency|connection refused|refused connection"),
        (Causes.DiskFull, "full disk|no space|no space left|out of disk|disk space|out of space|disk is full"),
        (Causes.CrashLoop, "crash loop|crashloop|crash looping|crash-loop|restart loop|quarantine|keeps crashing|keeps restarting"),
        (Causes.ConfigError, "configuration error|bad config|invalid config|misconfiguration|misconfigured|usage error|config problem"),
    ];

    /// Each phrase as words, with its cause; longest phrases first.
    public static ImmutableArray<(string Cause, string[] Words)> All { get; } = Build();

    private static ImmutableArray<(string Cause, string[] Words)> Build()
    {
        var list = new List<(string, string[])>();
        foreach (var info in CauseWords.All.Where(c => c.Name != Causes.Unknown))
        {
            list.Add((info.Name, [info.Name]));
            list.Add((info.Name, AskTokens.Of(info.PlainName).ToArray()));
            foreach (var evidence in info.Evidence)
            {
                var words = AskTokens.Of(evidence).ToArray();
                if (words.Length > 0 && !words.All(Words.IsKnown))
                {
                    list.Add((info.Name, words));
                }
            }
        }

        foreach (var (cause, phrases) in Everyday)
        {
            list.AddRange(phrases.Split('|').Select(p => (cause, AskTokens.Of(p).ToArray())));
        }

        list.Add((Causes.Unknown, ["unknown", "cause"]));
        return [.. list.OrderByDescending(p => p.Item2.Length)];
    }
}
