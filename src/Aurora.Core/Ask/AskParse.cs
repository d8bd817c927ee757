using System.Collections.Immutable;

namespace Aurora.Core.Ask;

/// What the parser made of a sentence: an Intent, or not (Message says why) with the closest intents it knows.
public sealed record AskParse(Intent? Intent, string? Message, ImmutableArray<Suggestion> Closest)
{
    public bool Understood => Intent is not null;

    public static AskParse Of(Intent intent) => new(intent, null, []);

    public static AskParse NotUnderstood(string message, ImmutableArray<Suggestion> closest) => new(null, message, closest);
}
