using System.Text;

namespace Aurora.Porting.Import.Supervisord;

/// `environment=KEY="value",KEY2=value2`: comma-separated pairs, values optionally in double or single quotes
/// (a comma inside quotes is part of the value).
public static class SupervisordEnvironment
{
    public static List<KeyValuePair<string, string>> Parse(string text, Func<string, string> expand)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var i = 0;
        while (i < text.Length)
        {
            var eq = text.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }

            var key = text[i..eq].Trim().TrimStart(',').Trim();
            var value = new StringBuilder();
            i = eq + 1;
            var quote = i < text.Length && text[i] is '"' or '\'' ? text[i++] : '\0';
            for (; i < text.Length; i++)
            {
                if (quote != '\0' ? text[i] == quote : text[i] == ',')
                {
                    break;
                }

                value.Append(text[i]);
            }

            // Past the closing quote, then past the comma.
            i = quote != '\0' ? text.IndexOf(',', Math.Min(i + 1, text.Length)) is var comma and >= 0 ? comma + 1 : text.Length : i + 1;
            if (key.Length > 0)
            {
                pairs.Add(KeyValuePair.Create(key, expand(value.ToString().Trim())));
            }
        }

        return pairs;
    }
}
