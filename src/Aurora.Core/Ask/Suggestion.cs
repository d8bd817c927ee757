namespace Aurora.Core.Ask;

/// An intent the parser knows, with a sentence that asks for it.
public sealed record Suggestion(IntentKind Kind, string Example);
