using System.Globalization;
using System.Text.RegularExpressions;

namespace Aurora.Porting.Yaml;

/// Writes one YAML scalar that reads back as the same string: plain when that is safe and the text cannot be taken
/// for a number, a bool or null (by a YAML 1.1 or 1.2 reader), else double-quoted with escapes. Shared by the
/// importers and the exporters.
public static partial class YamlScalar
{
    public static string String(string value) => IsPlainSafe(value) ? value : Quote(value);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    /// A flow list of strings: `["a", "b"]`, each item quoted when it needs it.
    public static string FlowList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(FlowItem)) + "]";

    /// One line of comment text: line breaks become spaces, so a value can never end the comment.
    public static string Comment(string text) => "# " + text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');

    public static string Quote(string value) => Core.Config.Rendering.YamlScalars.Quote(value);

    private static string FlowItem(string value) => IsPlainSafe(value) && value.AsSpan().IndexOfAny(",[]{}") < 0 ? value : Quote(value);

    private static bool IsPlainSafe(string v)
    {
        if (v.Length == 0 || char.IsWhiteSpace(v[0]) || char.IsWhiteSpace(v[^1]) || "[]{},#&*!|>'\"%@`-?:".Contains(v[0])
            || v.EndsWith(':') || v.Contains(": ", StringComparison.Ordinal) || v.Contains(" #", StringComparison.Ordinal)
            || Typed().IsMatch(v))
        {
            return false;
        }

        return !v.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF');
    }

    // What a YAML 1.1 or 1.2 reader would not read as a string: null, bools (yes/no/on/off too), numbers, base 60.
    [GeneratedRegex(@"^(?:~|null|Null|NULL|(?i:true|false|yes|no|on|off|y|n)|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[-+]?\.(?i:inf)|\.(?i:nan)|[-+]?[0-9]+(?::[0-5]?[0-9])+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Typed();
}
