using System.Collections.Immutable;
using System.Text;

namespace Aurora.Core.Ask;

/// A sentence as lower-case words. Apostrophes go ("what's" → "whats", "don't" → "dont"); any other character
/// that is not a letter, a digit, '-', '_' or '.' ends a word; '-', '_' and '.' stay inside one (service names,
/// "aurora.yaml", "re-read") but not at its ends ("api." → "api").
public static class AskTokens
{
    public static ImmutableArray<string> Of(string text)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        var word = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is '\'' or '\u2019' or '`')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                word.Append(c);
                continue;
            }

            Flush();
        }

        Flush();
        return words.ToImmutable();

        void Flush()
        {
            var w = word.ToString().Trim('-', '_', '.');
            if (w.Length > 0)
            {
                words.Add(w);
            }

            word.Clear();
        }
    }
}
