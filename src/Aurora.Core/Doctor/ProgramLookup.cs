namespace Aurora.Core.Doctor;

/// Where a program of a service's argv is found: a path with a slash is taken relative to the working directory
/// (as the launcher runs it); a bare name is searched on PATH, as posix_spawnp does.
public static class ProgramLookup
{
    public enum Outcome { Found, NotFound, NotExecutable }

    public static (Outcome Outcome, string? Path) Resolve(string program, string workingDirectory, string pathVariable)
    {
        if (program.Contains('/'))
        {
            var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(workingDirectory, program));
            return !File.Exists(full) ? (Outcome.NotFound, full)
                : IsExecutable(full) ? (Outcome.Found, full) : (Outcome.NotExecutable, full);
        }

        string? notExecutable = null;
        foreach (var dir in pathVariable.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(dir, program);
            if (!File.Exists(candidate))
            {
                continue;
            }

            if (IsExecutable(candidate))
            {
                return (Outcome.Found, candidate);
            }

            notExecutable ??= candidate;
        }

        return notExecutable is null ? (Outcome.NotFound, null) : (Outcome.NotExecutable, notExecutable);
    }

    public static bool IsExecutable(string file)
    {
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        try
        {
            return (File.GetUnixFileMode(file) & anyExecute) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
