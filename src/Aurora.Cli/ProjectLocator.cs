using System.CommandLine;
using Aurora.Layout;

namespace Aurora.Cli;

/// Finds the config: `-f FILE` (each one given, in order), else aurora.yaml in the current directory or the
/// nearest parent (like git), as ProjectConfig has it. The project is the first file's directory.
internal static class ProjectLocator
{
    public static IReadOnlyList<string> ConfigPaths(ParseResult parse) =>
        ProjectConfig.Paths((parse.GetValue(CliOptions.Files) ?? []).Select(f => f.FullName));

    public static string ConfigPath(ParseResult parse) => ConfigPaths(parse)[0];

    public static DaemonPaths Paths(ParseResult parse) => DaemonPaths.ForConfig(ConfigPath(parse));

    /// The active profiles: every --profile, and AURORA_PROFILES (comma-separated).
    public static IReadOnlyList<string> Profiles(ParseResult parse) => ProjectConfig.Profiles(parse.GetValue(CliOptions.Profiles) ?? []);
}
