using System.CommandLine;

namespace Aurora.Cli;

internal static class CliOptions
{
    public static readonly Option<FileInfo?> File = new("--file", "-f")
    {
        Description = "The config file (default: aurora.yaml in this directory or the nearest parent)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json") { Description = "Print JSON (stable shape, SPEC §4)" };

    public static readonly Option<string[]> Profiles = new("--profile")
    {
        Description = "Also start the services of this profile (repeatable; AURORA_PROFILES=a,b does the same)",
        Recursive = true,
    };
}

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int NoDaemon = 3;
}
