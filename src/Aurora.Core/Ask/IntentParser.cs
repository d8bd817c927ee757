using System.Collections.Immutable;
using Aurora.Core.Incidents;

namespace Aurora.Core.Ask;

/// `aurora ask`: a sentence → an Intent, deterministically (no model, no network). It knows the config's
/// service names and the SPEC §6 causes, takes typos and word order in its stride, and never guesses an
/// action: a sentence it cannot read whole gets the closest intents it knows instead.
public sealed class IntentParser(IEnumerable<string> services)
{
    private const int MaxTimeWords = 6;

    private readonly ServiceMatcher _services = new(services);

    public AskParse Parse(string text)
    {
        var tokens = AskTokens.Of(text);
        var taken = new bool[tokens.Length];
        var since = FindTime(tokens, taken);
        var found = _services.Find(tokens, taken);
        var cause = CauseMatcher.Find(tokens, taken);
        var number = FindNumber(tokens, taken);
        var words = new List<Word>();
        var unknown = new List<Word>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (taken[i])
            {
                continue;
            }

            if (Words.IsKnown(tokens[i]))
            {
                words.Add(new Word(tokens[i], i));
            }
            else if (Words.Correct(tokens[i]) is { } corrected)
            {
                words.Add(new Word(corrected, i));
            }
            else
            {
                unknown.Add(new Word(tokens[i], i));
            }
        }

        var sentence = new Sentence(tokens, Phrases.Fold(words), unknown, found, cause, since, number);
        return new IntentRules(sentence, [.. _services.Names]).Decide();
    }

    /// The longest time phrase ("in the last hour", "since yesterday"), its words taken.
    private static string? FindTime(ImmutableArray<string> tokens, bool[] taken)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            for (var length = Math.Min(MaxTimeWords, tokens.Length - i); length >= 1; length--)
            {
                if (HistorySince.TryReadPhrase(tokens.AsSpan(i, length), out var phrase))
                {
                    Array.Fill(taken, true, i, length);
                    return phrase;
                }
            }
        }

        return null;
    }

    /// A whole number left over ("last 50 lines", "fifty errors"), its word taken.
    private static int? FindNumber(ImmutableArray<string> tokens, bool[] taken)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!taken[i] && NumberWords.TryRead(tokens[i], out var n) && n == Math.Floor(n) && n is > 0 and < int.MaxValue)
            {
                taken[i] = true;
                return (int)n;
            }
        }

        return null;
    }
}
