using Aurora.Core.Config;

namespace Aurora.Layout;

/// Which config a command reads when no `-f` was given (aurora.yaml in the current directory or the nearest
/// parent, like git), and which profiles are active: the one rule for the CLI and the daemon's own executable.
public static class ProjectConfig
{
    public const string ProfilesVariable = "AURORA_PROFILES";

    /// `files` (each `-f`, in order, made absolute), or the default file.
    public static IReadOnlyList<string> Paths(IEnumerable<string> files) =>
        files.Select(Path.GetFullPath).ToList() is { Count: > 0 } given ? given : [Default()];

    /// Every `--profile` given, then AURORA_PROFILES (comma-separated), each once.
    public static IReadOnlyList<string> Profiles(IEnumerable<string> given) =>
        [.. given
            .Concat((Environment.GetEnvironmentVariable(ProfilesVariable) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct()];

    private static string Default()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ConfigLoader.DefaultFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(Environment.CurrentDirectory, ConfigLoader.DefaultFileName);
    }
}
