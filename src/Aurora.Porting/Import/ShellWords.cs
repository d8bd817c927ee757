using System.Text;

namespace Aurora.Porting.Import;

/// Splits a command line into words as a POSIX shell (and Python's shlex, and Compose) would, without expanding or
/// running anything; and says when a line needs a shell to mean what it says (a pipe, a redirection, `&&`, a `$`…).
public static class ShellWords
{
    private const string ShellChars = "|&;<>()$`*?[]{}~!#";

    /// Shell builtins with no program of their name: `exit 1` only means something to a shell.
    private static readonly HashSet<string> Builtins =
        ["exit", "cd", "export", "source", ".", "set", "unset", "eval", "exec", "alias", "ulimit", "umask", "wait", "trap", "read", "shift"];

    /// Null when a quote is left open.
    public static List<string>? Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                Flush();
            }
            else if (c == '\'')
            {
                var close = text.IndexOf('\'', i + 1);
                if (close < 0)
                {
                    return null;
                }

                word.Append(text, i + 1, close - i - 1);
                inWord = true;
                i = close;
            }
            else if (c == '"')
            {
                inWord = true;
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length && "\"\\$`".Contains(text[i + 1]))
                    {
                        i++;
                    }

                    word.Append(text[i]);
                }

                if (i >= text.Length)
                {
                    return null;
                }
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                word.Append(text[++i]);
                inWord = true;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }
    }

    /// True when a shell would do more than split the line: an unquoted operator, expansion, glob or comment, or a
    /// line break (a script); text inside single quotes is literal, so it does not count.
    public static bool NeedsShell(string text)
    {
        if (Split(text) is [var first, ..] && Builtins.Contains(first))
        {
            return true;
        }

        var inDouble = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '\'' && !inDouble)
            {
                var close = text.IndexOf('\'', i + 1);
                i = close < 0 ? text.Length : close;
            }
            else if (c == '"')
            {
                inDouble = !inDouble;
            }
            else if (c == '\n' || (inDouble ? c is '$' or '`' : ShellChars.Contains(c)))
            {
                return true;
            }
        }

        return false;
    }
}
