namespace Aurora.Core.Doctor.Variables;

/// How a `${…}` reference treats an unset variable (SPEC §3, the Compose forms):
/// Plain `${VAR}`, Default `${VAR:-d}` / `${VAR-d}`, Required `${VAR:?msg}` / `${VAR?msg}`, Alternate `${VAR:+x}` / `${VAR+x}`.
public enum ReferenceKind { Plain, Default, Required, Alternate }

/// One `${…}` in a string. EmptyCounts: the colon forms treat an empty value as unset. Text is the default,
/// the error message or the alternate. Offset is where `$` stands in the string.
public sealed record VariableReference(string Name, ReferenceKind Kind, bool EmptyCounts, string? Text, int Offset)
{
    /// True when the variable's value (null: unset) leaves the reference without a value of its own.
    public bool IsMissing(string? value) => value is null || (EmptyCounts && value.Length == 0);

    /// Blocking when unset: nothing stands in for it (a plain reference, or `:?` asking for it).
    public bool HasNoFallback => Kind is ReferenceKind.Plain or ReferenceKind.Required;
}
