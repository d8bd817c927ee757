using System.Collections.Immutable;

namespace Aurora.Layout;

/// The holder's environment: the daemon's (what a JIT-built binary needs to find its runtime) with the GC kept
/// small: a 512 KiB gen0 budget, as the daemon's, and server GC off. Services never see it: the daemon sends
/// each spawn its own full environment.
public static class HolderEnvironment
{
    public static ImmutableDictionary<string, string> Build() =>
        DaemonEnvironment.ForServices()
            .SetItem(DaemonEnvironment.Gen0Size, DaemonEnvironment.Gen0Budget)
            .SetItem("DOTNET_gcServer", "0")
            .SetItem("DOTNET_GCHeapAffinitizeMask", "1");
}
