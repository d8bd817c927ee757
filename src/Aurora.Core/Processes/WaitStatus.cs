namespace Aurora.Core.Processes;

/// Decodes a waitpid status word (the glibc macros, which are the same on every Linux arch).
internal static class WaitStatus
{
    public static bool Exited(int status) => (status & 0x7f) == 0;

    public static int ExitCode(int status) => (status >> 8) & 0xff;

    public static bool Signaled(int status) => ((sbyte)((status & 0x7f) + 1) >> 1) > 0;

    public static int TermSignal(int status) => status & 0x7f;

    public static ExitStatus Decode(int status) =>
        Exited(status) ? new ExitStatus(ExitCode(status), null)
        : Signaled(status) ? new ExitStatus(null, TermSignal(status))
        : new ExitStatus(null, null);
}
