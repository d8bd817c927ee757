namespace Aurora.Core.Ask;

/// What a known word says about the intent of a sentence.
[Flags]
public enum WordKind
{
    None = 0,
    Restart = 1 << 0,
    Stop = 1 << 1,
    Start = 1 << 2,
    Heal = 1 << 3,
    Reload = 1 << 4,
    Config = 1 << 5,
    Self = 1 << 6,
    Why = 1 << 7,
    Failure = 1 << 8,
    Forecast = 1 << 9,
    Future = 1 << 10,
    PastFix = 1 << 11,
    Past = 1 << 12,
    Logs = 1 << 13,
    Errors = 1 << 14,
    Status = 1 << 15,
    All = 1 << 16,
    Negation = 1 << 17,
    Except = 1 << 18,
    Question = 1 << 19,
    Polite = 1 << 20,
    Filler = 1 << 21,
    Apply = 1 << 22,

    Action = Restart | Stop | Start | Heal | Reload,
}
