using System.CommandLine;

namespace Aurora.Cli;

internal static class CliOptions
{
    /// Several `-f` merge in order (`-f base.yaml -f dev.yaml`); one value per `-f`, so `-f a.yaml api` leaves `api`
    /// to the command.
    public static readonly Option<FileInfo[]> Files = new("--file", "-f")
    {
        Description = "The config file; repeat -f to merge several in order (default: aurora.yaml in this directory or the nearest parent)",
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
