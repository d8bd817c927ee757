using YamlDotNet.Core;

namespace Aurora.Core.Config.Reading;

/// Warns (never errors) when argv[0] cannot be found: the service may install it later,
/// but a typo should be visible before `up`.
internal static class CommandCheck
{
    public static void Warn(string program, string workingDirectory, Mark at, string path, ReadContext ctx)
    {
        if (program.Contains('/'))
        {
            var full = Path.GetFullPath(Path.Combine(workingDirectory, program));
            if (!File.Exists(full))
            {
                ctx.Bag.Warning(at, path, $"{YamlNodes.Quote(program)} does not exist (looked for {full}); fix the path or create it");
            }

            return;
        }

        if (!ctx.CommandExists(program))
        {
            ctx.Bag.Warning(at, path, $"{YamlNodes.Quote(program)} was not found on PATH; install it, fix the name, or give its full path");
        }
    }

    /// The default lookup: an executable file of that name in a PATH directory.
    public static bool ExistsOnPath(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExecutable(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(file) & anyExecute) != 0;
    }
}
