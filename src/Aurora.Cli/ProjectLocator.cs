using System.CommandLine;
using Aurora.Layout;

namespace Aurora.Cli;

/// Finds the config: `-f FILE` (each one given, in order), else aurora.yaml in the current directory or the
/// nearest parent (like git). The project is the first file's directory.
internal static class ProjectLocator
{
    public const string DefaultFileName = "aurora.yaml";

    public static IReadOnlyList<string> ConfigPaths(ParseResult parse) =>
        parse.GetValue(CliOptions.Files) is { Length: > 0 } files ? [.. files.Select(f => f.FullName)] : [Default()];

    public static string ConfigPath(ParseResult parse) => ConfigPaths(parse)[0];

    public static DaemonPaths Paths(ParseResult parse) => DaemonPaths.ForConfig(ConfigPath(parse));

    /// The active profiles: every --profile, and AURORA_PROFILES (comma-separated).
    public static IReadOnlyList<string> Profiles(ParseResult parse) =>
        [.. (parse.GetValue(CliOptions.Profiles) ?? [])
            .Concat((Environment.GetEnvironmentVariable("AURORA_PROFILES") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct()];

    private static string Default()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultFileName);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(Environment.CurrentDirectory, DefaultFileName);
    }
}
