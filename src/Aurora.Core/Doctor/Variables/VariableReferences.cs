namespace Aurora.Core.Doctor.Variables;

/// Finds the `${VAR}`, `${VAR:-default}`, `${VAR:?message}` (and `-`, `?`, `:+`, `+`) references in a string,
/// including those nested in a default (`${A:-${B}}`). `$$` is a literal dollar sign, as in Compose. Shared with the
/// interpolation of the config (SPEC §3), which will substitute what this finds.
public static class VariableReferences
{
    public static IReadOnlyList<VariableReference> Find(string text)
    {
        var found = new List<VariableReference>();
        Scan(text, 0, found);
        return found;
    }

    private static void Scan(string text, int baseOffset, List<VariableReference> found)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] != '$')
            {
                continue;
            }

            if (text[i + 1] == '$')
            {
                i++;
                continue;
            }

            if (text[i + 1] != '{' || Close(text, i + 2) is not { } close)
            {
                continue;
            }

            if (Parse(text[(i + 2)..close], baseOffset + i) is { } reference)
            {
                found.Add(reference);
                if (reference.Text is { } inner)
                {
                    Scan(inner, baseOffset + i + 2 + (text[(i + 2)..close].Length - inner.Length), found);
                }
            }

            i = close;
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

    private static VariableReference? Parse(string body, int offset)
    {
        var n = 0;
        while (n < body.Length && (char.IsAsciiLetterOrDigit(body[n]) || body[n] == '_'))
        {
            n++;
        }

        if (n == 0 || char.IsAsciiDigit(body[0]))
        {
            return null;
        }

        var name = body[..n];
        var rest = body[n..];
        if (rest.Length == 0)
        {
            return new VariableReference(name, ReferenceKind.Plain, false, null, offset);
        }

        var colon = rest[0] == ':';
        var op = colon ? (rest.Length > 1 ? rest[1] : '\0') : rest[0];
        var text = rest[(colon ? 2 : 1)..];
        return op switch
        {
            '-' => new VariableReference(name, ReferenceKind.Default, colon, text, offset),
            '?' => new VariableReference(name, ReferenceKind.Required, colon, text, offset),
            '+' => new VariableReference(name, ReferenceKind.Alternate, colon, text, offset),
            _ => null,
        };
    }
}
