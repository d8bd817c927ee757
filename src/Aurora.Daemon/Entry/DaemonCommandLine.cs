using System.Collections.Immutable;

namespace Aurora.Daemon.Entry;

/// How `aurora up -d` runs the daemon: the small `aurora-daemon` executable from beside `aurora` (src/Aurora.DaemonBin:
/// the daemon's code alone, so the type data native AOT expands at start and the code paged in are only the
/// daemon's), through the same dotnet host when this build runs through one; else `aurora daemon`.
public static class DaemonCommandLine
{
    public const string FileName = "aurora-daemon";

    /// self: how to run `aurora` (Executables.Self); directory: where it lives.
    public static ImmutableArray<string> For(ImmutableArray<string> self, string directory, DaemonArguments arguments) =>
        [.. Executables.Beside(self, directory, FileName) ?? [.. self, "daemon"], .. arguments.ToArgs()];
}
