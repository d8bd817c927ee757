namespace Aurora.Porting.Export.Systemd;

/// The program of ExecStart=: systemd takes an absolute path or a bare name it looks up in its own fixed PATH, so a
/// relative path is made absolute from the service's cwd, and a bare name is resolved on the PATH of whoever exports
/// (where Aurora would have found it), falling back to the bare name.
internal static class ProgramPath
{
    public static string Resolve(string program, string workingDirectory, string? searchPath)
    {
        if (Path.IsPathRooted(program))
        {
            return program;
        }

        if (program.Contains('/'))
        {
            return Path.GetFullPath(Path.Combine(workingDirectory, program));
        }

        foreach (var dir in (searchPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Where(Path.IsPathRooted))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
            {
                return candidate;
            }
        }

        return program;
    }
}
