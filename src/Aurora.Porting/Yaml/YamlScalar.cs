using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Aurora.Porting.Yaml;

/// How one scalar is written into a YAML file other tools read (compose.yaml, Kubernetes manifests): a string
/// plain when every YAML 1.1 and 1.2 reader takes it back as the same string, else double-quoted; numbers and
/// booleans as themselves. Kept small on purpose: the import half may add one of its own, the two fold into one.
public static partial class YamlScalar
{
    public static string String(string value) => CanBePlain(value) ? value : Quoted(value);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    /// A double-quoted scalar: JSON's escapes, which YAML's double-quoted style shares.
    public static string Quoted(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    private static bool CanBePlain(string v)
    {
        if (v.Length == 0 || char.IsWhiteSpace(v[0]) || char.IsWhiteSpace(v[^1]) || "[]{},#&*!|>'\"%@`-?:".Contains(v[0])
            || v.EndsWith(':') || v.Contains(": ", StringComparison.Ordinal) || v.Contains(" #", StringComparison.Ordinal)
            || LooksTyped().IsMatch(v))
        {
            return false;
        }

        return !v.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF');
    }

    // What some reader would take as null, a boolean or a number (YAML 1.1's yes/no/on/off and 1:20 included).
    [GeneratedRegex(@"^(?:~|null|Null|NULL|(?i:true|false|yes|no|on|off|y|n)|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9]+(?::[0-5]?[0-9])+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LooksTyped();
}
