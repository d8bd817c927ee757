using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Aurora.Core.Config.Reading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Rendering;

/// How one scalar is written back: plain when YAML reads it back as the same text, else double-quoted. A value
/// that was quoted in its file stays a string (a quoted "5001" is not written as the number 5001).
internal static partial class YamlScalars
{
    public static bool IsPlain(YamlScalarNode node) => node.Style is ScalarStyle.Plain or ScalarStyle.Any;

    /// A plain null (`key:`, `~`) is written `null`.
    public static string Format(string value, bool wasPlain, bool inFlow)
    {
        if (wasPlain && YamlNodes.IsNullText(value))
        {
            return "null";
        }

        return CanBePlain(value, inFlow) && (wasPlain || !LooksTyped(value)) ? value : Quote(value);
    }

    /// What a plain scalar means to a YAML 1.2 reader (JSON output): null, a bool, a number, else the text.
    public static bool LooksTyped(string value) =>
        YamlNodes.IsNullText(value) || IsBool(value) || Number().IsMatch(value) || Special().IsMatch(value);

    public static bool IsBool(string value) => value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE";

    public static bool IsNumber(string value, out double number)
    {
        number = 0;
        return Number().IsMatch(value)
            && double.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }

    private static bool CanBePlain(string v, bool inFlow)
    {
        if (v.Length == 0 || char.IsWhiteSpace(v[0]) || char.IsWhiteSpace(v[^1]) || "[]{},#&*!|>'\"%@`".Contains(v[0])
            || (v[0] is '-' or '?' or ':' && (v.Length == 1 || v[1] == ' '))
            || v.EndsWith(':') || v.Contains(": ", StringComparison.Ordinal) || v.Contains(" #", StringComparison.Ordinal)
            || (inFlow && v.AsSpan().IndexOfAny(",[]{}") >= 0))
        {
            return false;
        }

        foreach (var c in v)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }

    /// A double-quoted scalar with YAML's escapes (also what Aurora.Porting writes).
    public static string Quote(string value)
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
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                _ when char.IsControl(c) || c == '\uFEFF' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    // YAML 1.1 readers also take yes/no/on/off and 1:20 (base 60); a quoted one of those stays quoted.
    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7_]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|(?i:yes|no|on|off|y|n)|[-+]?[0-9]+(?::[0-5]?[0-9])+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Special();
}
