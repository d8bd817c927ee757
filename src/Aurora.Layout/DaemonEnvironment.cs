using System.Collections;
using System.Collections.Immutable;
using Aurora.Core.Notify;

namespace Aurora.Layout;

/// The environment the daemon passes on to its services: its own, less Aurora's bookkeeping (AURORA_TAG,
/// and runtime knobs `aurora up -d` set for the daemon alone, listed in AURORA_DAEMON_ENV) and systemd's
/// notify variables, which are the daemon's unit's: a service that found them would speak for it.
public static class DaemonEnvironment
{
    public const string Gen0Size = "DOTNET_GCgen0size";

    /// 512 KiB, in the runtime's hex; the native binary embeds the same (Aurora.Cli.csproj).
    public const string Gen0Budget = "80000";
    public const string Injected = "AURORA_DAEMON_ENV";

    public static ImmutableDictionary<string, string> ForServices()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            builder[(string)e.Key] = e.Value as string ?? "";
        }

        var injected = builder.GetValueOrDefault(Injected, "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        builder.RemoveRange([.. injected, Injected, "AURORA_TAG",
            NotifyVariables.Socket, NotifyVariables.WatchdogUsec, NotifyVariables.WatchdogPid]);
        return builder.ToImmutable();
    }
}
