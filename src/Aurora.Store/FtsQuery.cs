using System.Text;
using Aurora.Core.Diagnosis;
using Aurora.Core.Incidents;
using Aurora.Core.Supervision;

namespace Aurora.Store;

/// Turns what a person typed into a safe FTS5 MATCH expression: every word quoted (so no user text is ever
/// FTS syntax), all words required, the last one as a prefix when asked ("addr" finds "address"). Words that name a
/// cause ("port conflict", "port_conflict") become an OR of that cause's phrases, so the query also finds
/// output that only says "Address already in use".
internal static class FtsQuery
{
    public static string? Match(string? text, bool prefix = true)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return null;
        }

        var terms = new List<string>();
        for (var i = 0; i < words.Count;)
        {
            if (CauseAt(words, i) is { } cause)
            {
                terms.Add(CauseGroup(cause));
                i += Words(cause.PlainName).Count;
                continue;
            }

            terms.Add(Quote(words[i]) + (prefix && i == words.Count - 1 ? "*" : ""));
            i++;
        }

        return string.Join(" AND ", terms);
    }

    /// `column : "phrase"`, for the service and cause filters.
    public static string? Column(string column, string? value)
    {
        var words = Words(value);
        return words.Count == 0 ? null : $"{column} : {Quote(string.Join(' ', words))}";
    }

    public static string? And(params string?[] parts)
    {
        var present = parts.Where(p => p is not null).Select(p => "(" + p + ")").ToList();
        return present.Count == 0 ? null : string.Join(" AND ", present);
    }

    /// Splits like the unicode61 tokenizer: letters and digits make words, everything else separates.
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var sb = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }

        return words;
    }

    private static CauseInfo? CauseAt(List<string> words, int at) =>
        CauseWords.All.Where(c => c.Name != Causes.Unknown).FirstOrDefault(c =>
        {
            var name = Words(c.PlainName);
            return at + name.Count <= words.Count && name.Select((w, k) => words[at + k] == w).All(x => x);
        });

    private static string CauseGroup(CauseInfo cause) =>
        "(" + string.Join(" OR ", cause.Evidence.Prepend(cause.PlainName).Select(p => Quote(string.Join(' ', Words(p))))) + ")";

    private static string Quote(string phrase) => "\"" + phrase.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
