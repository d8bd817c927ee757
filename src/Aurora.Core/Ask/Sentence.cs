using System.Collections.Immutable;

namespace Aurora.Core.Ask;

/// A sentence taken apart: its entities (services, a cause, a time, a number), the known words left (corrected
/// and folded) and the words nobody knows.
internal sealed record Sentence(
    ImmutableArray<string> Tokens,
    IReadOnlyList<Word> Words,
    IReadOnlyList<Word> Unknown,
    ServiceFinding Services,
    string? Cause,
    string? Since,
    int? Number)
{
    public bool Has(WordKind kind) => Words.Any(w => w.Is(kind));

    public bool HasWord(string text) => Words.Any(w => w.Text == text);

    public Word? First(WordKind kind) => Words.FirstOrDefault(w => w.Is(kind)) is { Text: not null } w ? w : null;

    /// The token before a position in the sentence as typed, or "".
    public string Before(int at) => at > 0 ? Tokens[at - 1] : "";

    public string After(int at) => at + 1 < Tokens.Length ? Tokens[at + 1] : "";
}
