namespace Aurora.Layout;

/// Quoting for unit files (systemd.syntax(7), systemd.service(5) "Command lines"): `%` starts a specifier
/// everywhere, `$` a variable in command lines, and quoted words take C escapes.
public static class SystemdSyntax
{
    /// A value that is taken whole (Description=, WorkingDirectory=): only specifiers need escaping.
    public static string Value(string text) => Checked(text).Replace("%", "%%");

    /// The program of ExecStart=: systemd expands specifiers in it but not variables, and refuses one whose
    /// path holds a quote or a backslash ("Executable name contains special characters").
    public static string Executable(string path)
    {
        if (path.AsSpan().ContainsAny("\"'\\"))
        {
            throw new ArgumentException($"systemd runs no program whose path holds a quote or a backslash: {path}; put aurora where its path has none");
        }

        var escaped = Checked(path).Replace("%", "%%");
        return escaped.All(IsBare) ? escaped : Quote(escaped);
    }

    /// One argument of ExecStart=: bare when it can be, otherwise double-quoted.
    public static string Argument(string word)
    {
        var escaped = Checked(word).Replace("%", "%%").Replace("$", "$$");
        return escaped.Length > 0 && escaped.All(IsBare) ? escaped : Quote(escaped);
    }

    /// One `Environment=` assignment, always quoted (no variables there, but specifiers and C escapes).
    public static string Assignment(string name, string value) => Quote($"{name}={Checked(value)}".Replace("%", "%%"));

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static bool IsBare(char c) => char.IsAsciiLetterOrDigit(c) || "/._-+:,=@%$".Contains(c);

    /// A unit file is line-based: a newline (or any control character) in a path cannot be written into it.
    private static string Checked(string text) => text.Any(char.IsControl)
        ? throw new ArgumentException($"a control character cannot be written into a unit file: {text.ReplaceLineEndings("\\n")}")
        : text;
}
