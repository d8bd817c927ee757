using System.Collections.Frozen;

namespace Aurora.Core.Ask;

/// The words the parser knows, by what they say. A word missing here is either an entity (a service, a
/// cause, a time, a number) or unknown.
internal static class Words
{
    private static readonly FrozenDictionary<string, WordKind> Known = Build(
        (WordKind.Restart, "restart re-start reboot bounce relaunch respawn cycle recycle kick"),
        (WordKind.Stop, "stop halt kill terminate shutdown"),
        (WordKind.Start, "start launch boot run resume"),
        (WordKind.Heal, "heal fix repair remediate cure mend self-heal selfheal unbreak"),
        (WordKind.Reload, "reload reread re-read re-load"),
        (WordKind.Apply, "apply reapply re-apply refresh load"),
        (WordKind.Config, "config configuration conf cfg aurora.yaml yaml settings file changes"),
        (WordKind.Self, "yourself self itself aurora daemon supervisor"),
        (WordKind.Why, "why wrong caused reason reasons explain explanation postmortem post-mortem rootcause"),
        (WordKind.Failure, "crash crashed crashes crashing fail failed fails failing failure failures die died dies dying " +
            "incident incidents outage outages history problem problems issue issues trouble break breaks broke happened"),
        (WordKind.Forecast, "predict predicted prediction predictions forecast forecasts forecasting risk risky"),
        (WordKind.Future, "will going likely next soon expected upcoming"),
        (WordKind.PastFix, "fixes fixed remedies remedy solutions solution"),
        (WordKind.Past, "past previous previously earlier before prior worked known usual usually"),
        (WordKind.Logs, "log logs logfile output stdout stderr tail lines line print printed console journal"),
        (WordKind.Errors, "error errors err exception exceptions traceback tracebacks stacktrace panic panics fatal"),
        (WordKind.Status, "status state states health healthy unhealthy up down running alive dead doing ok okay fine overview " +
            "uptime pid pids memory cpu ps summary stats online offline stopped working broken how hows restarts restarting"),
        (WordKind.All, "all everything every each whole entire stack services"),
        (WordKind.Negation, "dont not never no cant cannot shouldnt wont"),
        (WordKind.Except, "except but besides excluding apart"),
        (WordKind.Question, "did does do has have was were is are when"),
        (WordKind.Polite, "please pls plz kindly can could would you"),
        (WordKind.Filler, "a an the me my our us i we it its this that these those there their them to for of on in at " +
            "be been and then now right away immediately asap quickly again just thanks thank go ahead show tell give get " +
            "let lets see know what whats which with from by service server process app application instance one ones " +
            "much many often times today yesterday since ago last hour hours minute minutes day days week weeks " +
            "some any anything something happening recent recently latest new ever also plus same look check want like " +
            "id need should must try list display view read dump tell things stuff currently " +
            "bring take shut turn spin fire switch power off pick come"));

    /// Canonical forms the parser reasons on: a word and its kinds.
    public static WordKind KindOf(string word) => Known.GetValueOrDefault(word);

    public static bool IsKnown(string word) => Known.ContainsKey(word);

    /// The known word a typed one is a slip of ("restrat" → "restart"), or null. Fillers and questions are never
    /// corrected to: a slip that lands on "the" or "is" says nothing.
    public static string? Correct(string typed)
    {
        if (Known.ContainsKey(typed) || typed.Any(char.IsDigit))
        {
            return null;
        }

        // The nearest; a tie between words that say different things is broken by the first letter, else no guess.
        var near = Known.Where(kv => (kv.Value & (WordKind.Filler | WordKind.Question | WordKind.Polite | WordKind.Negation)) == 0
                && Typo.Near(typed, kv.Key))
            .Select(kv => (Word: kv.Key, kv.Value, Distance: Config.Parsing.EditDistance.Between(typed, kv.Key) + (kv.Key[0] == typed[0] ? 0 : 0.5)))
            .OrderBy(x => x.Distance).ToList();
        if (near.Count == 0)
        {
            return null;
        }

        return near.Count > 1 && near[1].Distance == near[0].Distance && near[1].Value != near[0].Value ? null : near[0].Word;
    }

    /// Every known word of the given kinds (for the closest-intent score).
    public static IEnumerable<string> Of(WordKind kinds) => Known.Where(kv => (kv.Value & kinds) != 0).Select(kv => kv.Key);

    private static FrozenDictionary<string, WordKind> Build(params (WordKind Kind, string Words)[] groups)
    {
        var all = new Dictionary<string, WordKind>(StringComparer.Ordinal);
        foreach (var (kind, words) in groups)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                all[w] = all.GetValueOrDefault(w) | kind;
            }
        }

        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
