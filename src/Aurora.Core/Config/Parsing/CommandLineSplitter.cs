using System.Collections.Immutable;
using System.Text;

namespace Aurora.Core.Config.Parsing;

/// Splits a command string into argv the way a POSIX shell tokenises words: blanks separate,
/// 'single quotes' are literal, "double quotes" honour \" \\ \$ \`, a backslash outside quotes
/// escapes the next character. Nothing is expanded and nothing is run.
internal static class CommandLineSplitter
{
    private const string Operators = "|&;<>";

    /// Error is null on success. ShellSyntax names an unquoted shell operator or `$` found
    /// in the text: it would be passed literally, which is rarely what the user meant.
    public sealed record Result(ImmutableArray<string> Argv, string? Error, string? ShellSyntax);

    public static Result Split(string text)
    {
        var argv = ImmutableArray.CreateBuilder<string>();
        var word = new StringBuilder();
        var inWord = false;
        string? shellSyntax = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    Flush();
                    break;
                case '\'':
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        return new Result([], "has an unterminated ' quote", null);
                    }

                    word.Append(text, i + 1, close - i - 1);
                    inWord = true;
                    i = close;
                    break;
                case '"':
                    i = ReadDoubleQuoted(text, i, word);
                    if (i < 0)
                    {
                        return new Result([], "has an unterminated \" quote", null);
                    }

                    inWord = true;
                    break;
                case '\\':
                    if (i + 1 < text.Length)
                    {
                        // A backslash-newline is a line continuation and vanishes.
                        if (text[++i] != '\n')
                        {
                            word.Append(text[i]);
                            inWord = true;
                        }
                    }

                    break;
                default:
                    if (Operators.Contains(c) || c == '$' || c == '`')
                    {
                        shellSyntax ??= c.ToString();
                    }

                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        Flush();
        return new Result(argv.ToImmutable(), null, shellSyntax);

        void Flush()
        {
            if (inWord)
            {
                argv.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }
    }

    /// Returns the index of the closing quote, or -1 when there is none.
    private static int ReadDoubleQuoted(string text, int open, StringBuilder word)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return i;
            }

            if (c == '\\' && i + 1 < text.Length && "\"\\$`\n".Contains(text[i + 1]))
            {
                i++;
                if (text[i] != '\n')
                {
                    word.Append(text[i]);
                }

                continue;
            }

            word.Append(c);
        }

        return -1;
    }
}
