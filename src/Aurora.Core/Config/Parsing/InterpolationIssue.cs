namespace Aurora.Core.Config.Parsing;

/// A problem met while interpolating one string: Variable is the name it concerns (null for a malformed `${`).
/// A warning for an unset `${VAR}`; an error for `${VAR:?message}` or a malformed reference.
internal sealed record InterpolationIssue(bool IsError, string? Variable, string Message);
