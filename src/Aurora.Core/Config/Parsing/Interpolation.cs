using System.Text;

namespace Aurora.Core.Config.Parsing;

/// Substitutes the variables of one string (SPEC §3, as Compose does): `${VAR}` and `$VAR` (unset: empty, with a
/// warning), `${VAR:-default}` (unset or empty: the default), `${VAR-default}` (unset: the default),
/// `${VAR:?message}` / `${VAR?message}` (an error with the message), `${VAR:+alt}` / `${VAR+alt}`, `$$` → `$`.
/// Defaults and alternates are interpolated in turn, and only when they are used.
internal static class Interpolation
{
    /// lookup gives a variable's value, null when it is unset. dotEnvHint names where else a value may go
    /// ("the .env beside aurora.yaml"), for the messages.
    public static string Apply(string text, Func<string, string?> lookup, string dotEnvHint, List<InterpolationIssue> issues)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var last = 0;
        foreach (var token in VariableReferences.Scan(text))
        {
            result.Append(text, last, token.Offset - last);
            last = token.Offset + token.Length;
            var spelled = text.Substring(token.Offset, token.Length);
            switch (token.Kind)
            {
                case VariableReferences.TokenKind.Escape:
                    result.Append('$');
                    break;
                case VariableReferences.TokenKind.Reference:
                    result.Append(Resolve(token.Reference!, spelled, lookup, dotEnvHint, issues));
                    break;
                default:
                    issues.Add(new InterpolationIssue(true, null,
                        $"{Quote(spelled)} is not a variable reference; write ${{NAME}}, ${{NAME:-default}} or ${{NAME:?message}} (a name is letters, digits and _), and $$ for a literal $"));
                    result.Append(spelled);
                    break;
            }
        }

        return result.Append(text, last, text.Length - last).ToString();
    }

    private static string Resolve(VariableReference r, string spelled, Func<string, string?> lookup, string dotEnvHint, List<InterpolationIssue> issues)
    {
        var value = lookup(r.Name);
        switch (r.Kind)
        {
            case ReferenceKind.Default:
                return r.IsMissing(value) ? Apply(r.Text!, lookup, dotEnvHint, issues) : value!;
            case ReferenceKind.Alternate:
                return r.IsMissing(value) ? "" : Apply(r.Text!, lookup, dotEnvHint, issues);
            case ReferenceKind.Required when r.IsMissing(value):
                var why = r.Text is { Length: > 0 } message ? message : "it is required";
                issues.Add(new InterpolationIssue(true, r.Name,
                    $"${{{r.Name}}} is {(value is null ? "not set" : "empty")}: {why}; export {r.Name}=… or put it in {dotEnvHint}"));
                return "";
            case ReferenceKind.Plain when value is null:
                issues.Add(new InterpolationIssue(false, r.Name,
                    $"{spelled} is not set, so an empty string stands in for it; export {r.Name}=…, put it in {dotEnvHint}, or give a default: ${{{r.Name}:-value}}"));
                return "";
            default:
                return value!;
        }
    }

    private static string Quote(string text) => "\"" + (text.Length > 60 ? text[..60] + "…" : text) + "\"";
}
