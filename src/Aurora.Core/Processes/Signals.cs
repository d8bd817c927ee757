namespace Aurora.Core.Processes;

/// Linux signal numbers and names (x86_64 and arm64 agree on these).
public static class Signals
{
    public const int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGKILL = 9, SIGUSR1 = 10, SIGUSR2 = 12,
        SIGTERM = 15, SIGCONT = 18, SIGSTOP = 19;

    private static readonly string[] Names =
    [
        "", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
        "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
        "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
        "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    ];

    public static string Name(int signal) =>
        signal > 0 && signal < Names.Length ? Names[signal] : $"SIG{signal}";

    /// Parses "SIGTERM", "TERM" or "15"; null when unknown.
    public static int? Parse(string text)
    {
        if (int.TryParse(text, out var n))
        {
            return n > 0 && n < Names.Length ? n : null;
        }

        var upper = text.Trim().ToUpperInvariant();
        if (!upper.StartsWith("SIG", StringComparison.Ordinal))
        {
            upper = "SIG" + upper;
        }

        var index = Array.IndexOf(Names, upper);
        return index > 0 ? index : null;
    }
}
