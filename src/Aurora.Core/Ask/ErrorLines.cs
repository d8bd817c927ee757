using System.Text.RegularExpressions;

namespace Aurora.Core.Ask;

/// "errors only" in a log: the lines that report an error, an exception, a failure or an errno name.
public static partial class ErrorLines
{
    public static bool IsError(string line) => !string.IsNullOrWhiteSpace(line) && ErrorLike().IsMatch(line);

    // "OSError" and "ERROR" count, "terror" does not: a lower-case "error" must begin its word.
    [GeneratedRegex(@"(?-i:Error|ERROR)|(?<![a-z])(errors?|err)\b|exception|traceback|fatal|panic|critical|failed|failure|errno|refused|denied|killed|(?-i:\bE[A-Z]{4,}\b)",
        RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLike();
}
