using System.Collections.Immutable;

namespace Aurora.Cli.Client;

/// How the daemon runs its project's holder (`… holder DIR` is appended by HolderConnection): the small
/// `aurora-holder` executable from beside this one (src/Aurora.Holder: the holder's code alone, a few MB resident
/// instead of the whole CLI's image), through the same dotnet host when this build runs through one; and this
/// binary itself (`aurora holder DIR`) when no holder executable was built beside it.
internal static class HolderCommand
{
    public const string FileName = "aurora-holder";

    public static ImmutableArray<string> Find() => For(DaemonSpawner.Self(), AppContext.BaseDirectory);

    /// self: how to run this binary (DaemonSpawner.Self); directory: where it lives.
    internal static ImmutableArray<string> For(ImmutableArray<string> self, string directory)
    {
        if (self is [var host, _])
        {
            var dll = Path.Combine(directory, FileName + ".dll");
            return File.Exists(dll) ? [host, dll] : self;
        }

        var native = Path.Combine(directory, FileName);
        return File.Exists(native) ? [native] : self;
    }
}
