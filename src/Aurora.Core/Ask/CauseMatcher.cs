namespace Aurora.Core.Ask;

/// Finds the first cause a sentence names ("port conflicts", "out of memory", "permision denied"), plurals and
/// slips allowed, and marks its words taken.
internal static class CauseMatcher
{
    public static string? Find(IReadOnlyList<string> tokens, bool[] taken)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var (cause, words) in CausePhrases.All)
            {
                if (i + words.Length > tokens.Count || !Matches(tokens, taken, i, words))
                {
                    continue;
                }

                for (var k = i; k < i + words.Length; k++)
                {
                    taken[k] = true;
                }

                return cause;
            }
        }

        return null;
    }

    private static bool Matches(IReadOnlyList<string> tokens, bool[] taken, int at, string[] words)
    {
        for (var k = 0; k < words.Length; k++)
        {
            if (taken[at + k] || !Same(tokens[at + k], words[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(string typed, string word) =>
        typed == word || Singular(typed) == Singular(word) || (word.Length >= 5 && !Words.IsKnown(typed) && Typo.Near(typed, word));

    private static string Singular(string w) =>
        w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4 ? w[..^3] + "y"
        : w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && w.Length > 3 ? w[..^1] : w;
}
