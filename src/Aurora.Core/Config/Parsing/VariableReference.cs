namespace Aurora.Core.Config.Parsing;

/// One `${…}` (or bare `$VAR`) in a string. EmptyCounts: the colon forms treat an empty value as unset. Text is
/// the default, the error message or the alternate. Offset is where `$` stands in the string, Length how many
/// characters the reference spans there.
public sealed record VariableReference(string Name, ReferenceKind Kind, bool EmptyCounts, string? Text, int Offset, int Length)
{
    /// True when the variable's value (null: unset) leaves the reference without a value of its own.
    public bool IsMissing(string? value) => value is null || (EmptyCounts && value.Length == 0);

    /// Blocking when unset: nothing stands in for it (a plain reference, or `:?` asking for it).
    public bool HasNoFallback => Kind is ReferenceKind.Plain or ReferenceKind.Required;
}
