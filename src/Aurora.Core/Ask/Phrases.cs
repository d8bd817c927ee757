namespace Aurora.Core.Ask;

/// Folds the phrases that mean one word into it: "shut down" → stop, "take the db down" → stop, "start again"
/// → restart, "what happened" → why, "how did we fix" → fixed, "run the fixes" → heal, "last time" → before.
internal static class Phrases
{
    private static readonly (string[] From, string To)[] Table =
    [
        (["stop", "and", "start"], "restart"), (["stop", "then", "start"], "restart"), (["stop", "start"], "restart"),
        (["start", "again"], "restart"), (["start", "over"], "restart"), (["re", "start"], "restart"),
        (["re", "load"], "reload"), (["re", "read"], "reload"),
        (["do", "not"], "dont"), (["can", "not"], "cant"),
        (["what", "happened"], "why"), (["what", "went", "wrong"], "why"), (["root", "cause"], "why"), (["post", "mortem"], "why"),
        (["how", "come"], "why"), (["what", "caused"], "why"),
        (["went", "down"], "failed"), (["go", "down"], "failed"), (["goes", "down"], "failed"), (["gone", "down"], "failed"),
        (["fix", "history"], "fixes"), (["fix", "record"], "fixes"), (["fix", "records"], "fixes"),
        (["run", "the", "fixes"], "heal"), (["run", "the", "fix"], "heal"), (["run", "fixes"], "heal"), (["run", "fix"], "heal"),
        (["apply", "the", "fixes"], "heal"), (["apply", "the", "fix"], "heal"), (["apply", "a", "fix"], "heal"), (["apply", "fixes"], "heal"),
        (["apply", "fix"], "heal"), (["try", "the", "fixes"], "heal"), (["try", "fixes"], "heal"), (["try", "a", "fix"], "heal"),
        (["fix", "path"], "heal"), (["self", "heal"], "heal"),
        (["last", "time"], "before"), (["at", "risk"], "risk"), (["going", "to"], "going"), (["about", "to"], "going"),
        (["pick", "up"], "apply"),
    ];

    private static readonly HashSet<string> ParticleVerbs = ["bring", "take", "shut", "turn", "spin", "fire", "switch", "power", "boot", "start"];

    public static List<Word> Fold(List<Word> words)
    {
        var folded = new List<Word>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            if (HowDidFix(words, i) is { } fixAt)
            {
                words[fixAt] = words[fixAt] with { Text = "fixed" };
            }

            var match = Table.Where(p => StartsAt(words, i, p.From)).OrderByDescending(p => p.From.Length).FirstOrDefault();
            if (match.From is not null)
            {
                folded.Add(new Word(match.To, words[i].At));
                i += match.From.Length - 1;
                continue;
            }

            if (ParticleVerbs.Contains(words[i].Text) && Particle(words, i) is { } particle)
            {
                folded.Add(new Word(particle.Action, words[i].At));
                words.RemoveAt(particle.Index);
                continue;
            }

            folded.Add(words[i]);
        }

        return folded;
    }

    private static bool StartsAt(List<Word> words, int i, string[] phrase) =>
        i + phrase.Length <= words.Count && phrase.Select((p, k) => words[i + k].Text == p).All(x => x);

    /// "how did we fix", "how was it fixed": a question about past fixes, not an order to fix.
    private static int? HowDidFix(List<Word> words, int i)
    {
        if (words[i].Text != "how" || i + 1 >= words.Count || words[i + 1].Text is not ("did" or "do" or "does" or "was" or "were" or "have" or "has"))
        {
            return null;
        }

        for (var k = i + 2; k < Math.Min(words.Count, i + 5); k++)
        {
            if (words[k].Text == "fix")
            {
                return k;
            }
        }

        return null;
    }

    /// "bring … up", "take … down", "turn … off": the particle within four words of its verb, and the action.
    private static (string Action, int Index)? Particle(List<Word> words, int verb)
    {
        for (var k = verb + 1; k < Math.Min(words.Count, verb + 5); k++)
        {
            var action = (words[verb].Text, words[k].Text) switch
            {
                ("bring" or "spin" or "fire" or "boot" or "power" or "start", "up") => "start",
                ("turn" or "switch" or "power", "on") => "start",
                ("shut" or "bring" or "take" or "spin" or "power" or "turn", "down") => "stop",
                ("turn" or "shut" or "switch" or "power", "off") => "stop",
                _ => null,
            };
            if (action is not null)
            {
                return (action, k);
            }
        }

        return null;
    }
}
