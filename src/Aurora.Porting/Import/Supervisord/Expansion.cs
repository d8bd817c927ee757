using System.Text;

namespace Aurora.Porting.Import.Supervisord;

/// supervisord's `%(name)s` expansions: program_name, group_name, here (the directory of the file), process_num
/// (→ Aurora's `{replica}`), numprocs, host_node_name (this machine's name), and ENV_X (→ `${X}`, which Aurora takes from its own
/// environment at load, as supervisord does at start). `%%` is a `%`. Literal `$` is doubled for Aurora.
public static class Expansion
{
    public static string Apply(string text, string programName, string here, int numprocs, Action<string> unknown)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '$')
            {
                sb.Append("$$");
            }
            else if (c == '%' && i + 1 < text.Length && text[i + 1] == '%')
            {
                sb.Append('%');
                i++;
            }
            else if (c == '%' && i + 1 < text.Length && text[i + 1] == '(' && text.IndexOf(')', i) is var close and > 0 &&
                close + 1 < text.Length)
            {
                var name = text[(i + 2)..close];
                sb.Append(name switch
                {
                    "program_name" or "group_name" => programName,
                    "here" => here,
                    "process_num" => "{replica}",
                    "numprocs" => numprocs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "host_node_name" => Environment.MachineName,
                    _ when name.StartsWith("ENV_", StringComparison.Ordinal) => "${" + name[4..] + "}",
                    _ => Unknown(name),
                });
                // Past the conversion: `s`, `d`, or a width first (`%(process_num)02d`).
                i = close + 1;
                while (i + 1 < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '-' or '.'))
                {
                    i++;
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();

        string Unknown(string name)
        {
            unknown(name);
            return $"%({name})s";
        }
    }
}
