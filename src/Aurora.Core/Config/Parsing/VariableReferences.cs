namespace Aurora.Core.Config.Parsing;

/// Reads the variable references of a string as Compose does (SPEC §3): `${VAR}`, `${VAR:-default}`,
/// `${VAR:?message}` (and `-`, `?`, `:+`, `+`), the bare `$VAR`, and `$$` for a literal dollar sign. A `$` followed
/// by anything else (`$(cmd)`, `$1`, a trailing `$`) is plain text; a `${` that does not make a reference is
/// invalid. The config's interpolation (Interpolation) and the doctor's variables check both read strings here.
public static class VariableReferences
{
    /// Every reference, including those nested in a default (`${A:-${B}}`); invalid `${` are left out.
    public static IReadOnlyList<VariableReference> Find(string text)
    {
        var found = new List<VariableReference>();
        Collect(text, 0, found);
        return found;
    }

    /// The tokens of a string in order; what lies between them is literal text.
    internal static IEnumerable<Token> Scan(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] != '$')
            {
                continue;
            }

            var next = text[i + 1];
            if (next == '$')
            {
                yield return new Token(TokenKind.Escape, i, 2, null);
                i++;
            }
            else if (next == '{')
            {
                if (Close(text, i + 2) is not { } close)
                {
                    yield return new Token(TokenKind.Invalid, i, text.Length - i, null);
                    yield break;
                }

                var reference = Parse(text[(i + 2)..close], i, close - i + 1);
                yield return new Token(reference is null ? TokenKind.Invalid : TokenKind.Reference, i, close - i + 1, reference);
                i = close;
            }
            else if (IsNameStart(next))
            {
                var n = NameLength(text, i + 1);
                yield return new Token(TokenKind.Reference, i, n + 1,
                    new VariableReference(text.Substring(i + 1, n), ReferenceKind.Plain, false, null, i, n + 1));
                i += n;
            }
        }
    }

    private static void Collect(string text, int baseOffset, List<VariableReference> found)
    {
        foreach (var token in Scan(text))
        {
            if (token.Reference is not { } reference)
            {
                continue;
            }

            found.Add(reference with { Offset = baseOffset + reference.Offset });
            if (reference.Text is { } inner)
            {
                // The inner text is the end of the body, just before the closing brace.
                Collect(inner, baseOffset + reference.Offset + reference.Length - 1 - inner.Length, found);
            }
        }
    }

    /// The index of the `}` that closes a `${` whose body starts at `start`, counting nested `${…}`.
    private static int? Close(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                depth++;
                i++;
            }
            else if (text[i] == '}')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
        }

        return null;
    }

    private static VariableReference? Parse(string body, int offset, int length)
    {
        var n = NameLength(body, 0);
        if (n == 0 || !IsNameStart(body[0]))
        {
            return null;
        }

        var name = body[..n];
        var rest = body[n..];
        if (rest.Length == 0)
        {
            return new VariableReference(name, ReferenceKind.Plain, false, null, offset, length);
        }

        var colon = rest[0] == ':';
        var op = colon ? (rest.Length > 1 ? rest[1] : '\0') : rest[0];
        var text = rest[(colon ? 2 : 1)..];
        return op switch
        {
            '-' => new VariableReference(name, ReferenceKind.Default, colon, text, offset, length),
            '?' => new VariableReference(name, ReferenceKind.Required, colon, text, offset, length),
            '+' => new VariableReference(name, ReferenceKind.Alternate, colon, text, offset, length),
            _ => null,
        };
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static int NameLength(string text, int start)
    {
        var i = start;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        return i - start;
    }

    internal enum TokenKind { Escape, Reference, Invalid }

    /// `$$` (Escape), a reference, or an invalid `${…` (to the closing brace, or to the end when there is none).
    internal readonly record struct Token(TokenKind Kind, int Offset, int Length, VariableReference? Reference);
}
