using System.Collections.Immutable;

namespace Aurora.Daemon.Entry;

/// How the daemon runs its project's holder (`… holder DIR` is appended by HolderConnection): the small
/// `aurora-holder` executable from beside this one (src/Aurora.Holder: the holder's code alone, a few MB resident
/// instead of the whole daemon's image), through the same dotnet host when this build runs through one; and this
/// binary itself (`aurora holder DIR`, `aurora-daemon holder DIR`) when no holder executable was built beside it.
public static class HolderCommand
{
    public const string FileName = "aurora-holder";

    public static ImmutableArray<string> Find() => For(Executables.Self(), AppContext.BaseDirectory);

    /// self: how to run this binary (Executables.Self); directory: where it lives.
    public static ImmutableArray<string> For(ImmutableArray<string> self, string directory) =>
        Executables.Beside(self, directory, FileName) ?? self;
}
